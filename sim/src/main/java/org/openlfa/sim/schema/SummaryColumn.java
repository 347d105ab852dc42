package org.openlfa.sim.schema;

import java.util.function.Function;
import org.openlfa.sim.ScenarioSummary;

/** The columns of {@code summary.csv}, one row per scenario, in file order. */
public enum SummaryColumn implements Column<ScenarioSummary> {
    SCENARIO(CellFormat.TEXT, ScenarioSummary::scenario),
    HOUSEHOLDS(CellFormat.INTEGER, ScenarioSummary::households),
    SMART_HOUSEHOLDS(CellFormat.INTEGER, ScenarioSummary::smartHouseholds),
    COORDINATED_HOUSEHOLDS(CellFormat.INTEGER, ScenarioSummary::coordinatedHouseholds),
    BASELINE_COST_EUR(CellFormat.MONEY, ScenarioSummary::baselineCostInEur),
    OPTIMISED_COST_EUR(CellFormat.MONEY, ScenarioSummary::optimisedCostInEur),
    UC1_SAVING_EUR(CellFormat.MONEY, ScenarioSummary::uc1SavingInEur),
    COMMUNITY_COST_EUR(CellFormat.MONEY, ScenarioSummary::communityCostInEur),
    UC2_SAVING_EUR(CellFormat.MONEY, ScenarioSummary::uc2SavingInEur),
    LOCAL_TRADED_KWH(CellFormat.ENERGY, ScenarioSummary::localTradedInKwh),
    VALUE_EXCHANGED_EUR(CellFormat.MONEY, ScenarioSummary::valueExchangedInEur),
    ADMM_GAP_PCT(CellFormat.PERCENT, ScenarioSummary::coordinationGapPct),
    COORDINATION_ROUNDS_MAX(CellFormat.INTEGER, ScenarioSummary::maxCoordinationRounds);

    /** The file's name in a study folder. */
    public static final String FILE = "summary.csv";

    private final CellFormat format;
    private final Function<ScenarioSummary, Object> value;

    SummaryColumn(CellFormat format, Function<ScenarioSummary, Object> value) {
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
    public Object value(ScenarioSummary row) {
        return value.apply(row);
    }
}
