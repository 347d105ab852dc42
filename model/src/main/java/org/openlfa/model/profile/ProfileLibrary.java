package org.openlfa.model.profile;

import org.openlfa.core.Season;
import org.openlfa.core.TimeGrid;

/**
 * Pools of daily profiles, one representative day per season, at any PTU length.
 *
 * <pre>{@code
 * ProfileLibrary profiles = ProfileLibrary.builtIn();
 * double[] loadInKw = profiles.dayInKw(ProfileKind.HOUSEHOLD_LOAD, 17, Season.WINTER, TimeGrid.QUARTER_HOUR);
 * }</pre>
 */
public interface ProfileLibrary {

    /** Number of profiles in a pool (indices run from 0 to size - 1). */
    int poolSize(ProfileKind kind);

    /**
     * The mean power in each PTU of the representative day of a season, for one profile of a pool.
     *
     * @return a new array of {@code grid.ptusPerDay()} values in kW (per kWp for {@link ProfileKind#PV_PER_KWP})
     */
    double[] dayInKw(ProfileKind kind, int index, Season season, TimeGrid grid);

    /**
     * The library shipped with OpenLFA (ENWL LVNS pools, seasons derived as {@link SeasonalProfileLibrary} explains);
     * loaded once, then shared.
     */
    static ProfileLibrary builtIn() {
        return ProfileLibraries.builtIn();
    }
}
