package org.openlfa.sim.schema;

import java.util.function.Function;
import org.openlfa.sim.grid.GridSummary;

/** The columns of {@code grid.csv} (UC3), one row per scenario that ran the grid, in file order. */
public enum GridColumn implements Column<GridSummary> {
    SCENARIO(CellFormat.TEXT, GridSummary::scenario),
    CONGESTED_PTUS(CellFormat.INTEGER, GridSummary::congestedPtus),
    MAX_TRANSFORMER_LOADING_PCT(CellFormat.LOADING, GridSummary::maxTransformerLoadingPct),
    MIN_VOLTAGE_PU(CellFormat.VOLTAGE, GridSummary::minVoltagePu),
    MAX_VOLTAGE_PU(CellFormat.VOLTAGE, GridSummary::maxVoltagePu),
    FLEX_REQUESTED_KWH(CellFormat.ENERGY, GridSummary::flexRequestedInKwh),
    FLEX_DELIVERED_KWH(CellFormat.ENERGY, GridSummary::flexDeliveredInKwh),
    DSO_FLEX_COST_EUR(CellFormat.MONEY, GridSummary::dsoFlexCostInEur),
    REINFORCEMENT_ANNUITY_EUR(CellFormat.MONEY, GridSummary::reinforcementAnnuityInEur),
    DEFERRAL_VALUE_EUR(CellFormat.MONEY, GridSummary::deferralValueInEur),
    ORANGE_PTUS(CellFormat.INTEGER, GridSummary::orangePtus),
    RED_PTUS(CellFormat.INTEGER, GridSummary::redPtus),
    UNRESOLVED_RED_PTUS(CellFormat.INTEGER, GridSummary::unresolvedRedPtus),
    REINFORCEMENT_CAPEX_EUR(CellFormat.MONEY, GridSummary::reinforcementCapexInEur),
    REINFORCEMENT_PLAN(CellFormat.QUOTED, GridSummary::reinforcementPlan);

    /** The file's name in a study folder. */
    public static final String FILE = "grid.csv";

    private final CellFormat format;
    private final Function<GridSummary, Object> value;

    GridColumn(CellFormat format, Function<GridSummary, Object> value) {
        this.format = format;
        this.value = value;
    }

    @Override
    public String header() {
        return ResultFiles.headerOf(this);
    }

    @Override
    public CellFormat format() {
        return format;
    }

    @Override
    public Object value(GridSummary row) {
        return value.apply(row);
    }
}
