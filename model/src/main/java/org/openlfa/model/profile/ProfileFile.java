package org.openlfa.model.profile;

import org.openlfa.core.Season;

/**
 * The five pool files a profile folder holds, named as in the ENWL LVNS release, and the one measured season each
 * describes. The other seasons are derived from it (see {@link SeasonalProfileLibrary}).
 */
public enum ProfileFile {
    /** Household demand on a winter weekday, kW. */
    WINTER_LOAD("Winter_Load_Profiles.csv", ProfileKind.HOUSEHOLD_LOAD, Season.WINTER),
    /** Household demand on a summer weekday, kW. */
    SUMMER_LOAD("Summer_Load_Profiles.csv", ProfileKind.HOUSEHOLD_LOAD, Season.SUMMER),
    /** PV output on a sunny summer day, kW, clock in UTC (a column per system size; normalised per kWp on load). */
    SUMMER_PV("Summer_PV_Profiles.csv", ProfileKind.PV_PER_KWP, Season.SUMMER),
    /** Uncontrolled home EV charging on a weekday, kW. */
    WINTER_EV("Winter_EV_Profiles.csv", ProfileKind.EV_CHARGING, Season.WINTER),
    /** Heat-pump electric demand on a winter weekday, kW. */
    WINTER_EHP("Winter_EHP_Profiles.csv", ProfileKind.HEAT_PUMP, Season.WINTER);

    private final String fileName;
    private final ProfileKind kind;
    private final Season season;

    ProfileFile(String fileName, ProfileKind kind, Season season) {
        this.fileName = fileName;
        this.kind = kind;
        this.season = season;
    }

    /** The file name inside a profile folder (and of the built-in class-path resource). */
    public String fileName() {
        return fileName;
    }

    /** The pool the file feeds. */
    public ProfileKind kind() {
        return kind;
    }

    /** The season the file was measured or modelled for. */
    public Season season() {
        return season;
    }
}
