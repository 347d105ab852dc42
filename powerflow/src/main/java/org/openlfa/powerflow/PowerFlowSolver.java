package org.openlfa.powerflow;

/**
 * Solves the power flow of one {@link PowerFlowModel} for given load powers: the three-phase sweep
 * ({@link PowerFlowModel} itself) or the balanced PowSyBl OpenLoadFlow bridge ({@link OpenLoadFlowSolver}). Both
 * give results in the model's bus, line and load indices.
 *
 * <pre>{@code
 * PowerFlowSolver solver = useReference ? OpenLoadFlowSolver.of(model) : model;
 * PowerFlowResult r = solver.solve(powers);
 * }</pre>
 */
public interface PowerFlowSolver {

    /** A short name for logs and benchmarks. */
    String solverName();

    /** The model whose indices the results use. */
    PowerFlowModel model();

    /**
     * Solves for the given load powers (kW, kvar; positive is consumption).
     *
     * @return the result, with {@link PowerFlowResult#converged()} false (and the reason) when it did not converge
     */
    PowerFlowResult solve(LoadPowers powers);
}
