/**
 * Power flow of LV networks: the three-phase unbalanced backward/forward sweep ({@link
 * org.openlfa.powerflow.PowerFlowModel}) and the balanced PowSyBl OpenLoadFlow bridge ({@link
 * org.openlfa.powerflow.OpenLoadFlowSolver}), behind {@link org.openlfa.powerflow.PowerFlowSolver}. Method,
 * conventions and validation: {@code docs/powerflow.md}.
 */
package org.openlfa.powerflow;
