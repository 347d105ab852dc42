package org.openlfa.sim.schema;

import java.util.function.Function;
import org.openlfa.sim.HouseholdResult;

/** The columns of {@code households.csv}, one row per scenario and household, in file order. */
public enum HouseholdColumn implements Column<HouseholdResult> {
    SCENARIO(CellFormat.TEXT, HouseholdResult::scenario),
    HOUSEHOLD(CellFormat.TEXT, h -> h.household().id()),
    COMMUNITY(CellFormat.TEXT, h -> h.household().community()),
    FEEDER(CellFormat.INTEGER, h -> h.household().feeder()),
    BUS(CellFormat.TEXT, h -> h.household().bus()),
    PHASE(CellFormat.PHASE, h -> h.household().phase()),
    HAS_PV(CellFormat.FLAG, HouseholdResult::hasPv),
    HAS_BATTERY(CellFormat.FLAG, HouseholdResult::hasBattery),
    HAS_EV(CellFormat.FLAG, HouseholdResult::hasEv),
    HAS_HEAT_PUMP(CellFormat.FLAG, HouseholdResult::hasHeatPump),
    WET_APPLIANCES(CellFormat.INTEGER, HouseholdResult::wetAppliances),
    SMART(CellFormat.FLAG, HouseholdResult::smart),
    COORDINATED(CellFormat.FLAG, HouseholdResult::coordinated),
    BASELINE_BILL_EUR(CellFormat.MONEY, HouseholdResult::baselineBillInEur),
    OPTIMISED_BILL_EUR(CellFormat.MONEY, HouseholdResult::optimisedBillInEur),
    COMMUNITY_BILL_EUR(CellFormat.MONEY, HouseholdResult::communityBillInEur),
    LOCAL_BOUGHT_KWH(CellFormat.ENERGY, HouseholdResult::localBoughtInKwh),
    LOCAL_SOLD_KWH(CellFormat.ENERGY, HouseholdResult::localSoldInKwh);

    /** The file's name in a study folder. */
    public static final String FILE = "households.csv";

    private final CellFormat format;
    private final Function<HouseholdResult, Object> value;

    HouseholdColumn(CellFormat format, Function<HouseholdResult, Object> value) {
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
    public Object value(HouseholdResult row) {
        return value.apply(row);
    }
}
