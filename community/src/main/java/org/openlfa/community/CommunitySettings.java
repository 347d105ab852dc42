package org.openlfa.community;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;
import org.openlfa.core.Season;
import org.openlfa.core.TimeGrid;
import org.openlfa.model.scenario.Scenario;
import org.openlfa.model.scenario.ScenarioLoader;
import org.openlfa.community.grid.DsoSettings;

/**
 * How the platform's aggregator runs its community: the scenario whose tariffs and local-market rule apply, and the
 * waiting times of a live market, where agents answer late or not at all.
 *
 * <pre>{@code
 * CommunitySettings s = CommunitySettings.defaults().withScenario("2030BAU-High");
 * }</pre>
 *
 * @param communityId     names the community (topic {@code lfa/v1/prices/{communityId}})
 * @param scenario        tariffs (import, export) and the local-market rule
 * @param grid            the PTU length
 * @param planWindow      after the first day-ahead plan of a day arrives, how long the aggregator waits for the other
 *                        connected members before it coordinates those it has
 * @param replyTimeout    how long a member may take to answer one call for proposals before it is left out
 * @param clearingGrace   after the first reading of a PTU arrives, how long the market waits for the other connected
 *                        members before it clears without them
 * @param dso             the DSO's grid (transformer rating), limits and flexibility price cap
 * @param network         the LV network the DSO runs and the study homes belong to, with its communities
 */
public record CommunitySettings(String communityId, Scenario scenario, TimeGrid grid, Duration planWindow,
                                Duration replyTimeout, Duration clearingGrace, DsoSettings dso,
                                NetworkSettings network) {

    /** The reference study's scenario for the live platform's defaults. */
    public static final String DEFAULT_SCENARIO = "2030Green-High";

    public CommunitySettings {
        Objects.requireNonNull(communityId, "communityId");
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(dso, "dso");
        Objects.requireNonNull(network, "network");
        if (!communityId.matches("[A-Za-z0-9_.-]{1,32}")) {
            throw new IllegalArgumentException("community id must match [A-Za-z0-9_.-]{1,32}: " + communityId);
        }
    }

    /**
     * Community {@code c1}, scenario 2030Green-High, 15-min PTUs, 3 s plan window, 5 s replies, 2 s grace, the
     * reference study's DSO on the reference network (ENWL network 22, {@link NetworkSettings#reference()}).
     */
    public static CommunitySettings defaults() {
        return new CommunitySettings("c1", ScenarioLoader.loadBuiltIn(DEFAULT_SCENARIO), TimeGrid.ofMinutes(15),
                Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofSeconds(2), DsoSettings.builtIn(),
                NetworkSettings.reference());
    }

    /** The same with a built-in scenario by name. */
    public CommunitySettings withScenario(String scenarioName) {
        return new CommunitySettings(communityId, ScenarioLoader.loadBuiltIn(scenarioName), grid, planWindow,
                replyTimeout, clearingGrace, dso, network);
    }

    /** The same on another network (e.g. {@code NetworkSettings.of(Path.of("network_5"), null)}). */
    public CommunitySettings withNetwork(NetworkSettings newNetwork) {
        return new CommunitySettings(communityId, scenario, grid, planWindow, replyTimeout, clearingGrace, dso,
                newNetwork);
    }

    /** The network behind the DSO's transformer. */
    public org.openlfa.grid.LvNetwork loadNetwork() {
        return network.load(dso.transformerRatingInKva());
    }

    /** The same with another DSO (e.g. a smaller transformer). */
    public CommunitySettings withDso(DsoSettings newDso) {
        return new CommunitySettings(communityId, scenario, grid, planWindow, replyTimeout, clearingGrace, newDso,
                network);
    }

    /** The retail import price of each PTU of {@code day} (the scenario's tariff for the day's season). */
    public double[] importPriceInEurPerKwh(LocalDate day) {
        return scenario.importTariff().pricesInEurPerKwh(seasonOf(day), grid);
    }

    /** The export price of each PTU of {@code day}. */
    public double[] exportPriceInEurPerKwh(LocalDate day) {
        return scenario.exportTariff().pricesInEurPerKwh(seasonOf(day), grid);
    }

    /** The study's season of a date: meteorological seasons (December to February is winter). */
    public static Season seasonOf(LocalDate day) {
        return switch (day.getMonth()) {
            case DECEMBER, JANUARY, FEBRUARY -> Season.WINTER;
            case MARCH, APRIL, MAY -> Season.SPRING;
            case JUNE, JULY, AUGUST -> Season.SUMMER;
            default -> Season.AUTUMN;
        };
    }

    /** The PTU of the day that contains {@code epochMs} (UTC). */
    public int ptuOf(long epochMs) {
        return grid.ptuOfMinute((int) Math.floorMod(epochMs / 60_000L, (long) TimeGrid.MINUTES_PER_DAY));
    }

    /** The day (UTC) that contains {@code epochMs}. */
    public static LocalDate dayOf(long epochMs) {
        return LocalDate.ofEpochDay(Math.floorDiv(epochMs, 86_400_000L));
    }

    /** The same with other waiting times. */
    public CommunitySettings withTimes(Duration newPlanWindow, Duration newReplyTimeout, Duration newClearingGrace) {
        return new CommunitySettings(communityId, scenario, grid, newPlanWindow, newReplyTimeout, newClearingGrace,
                dso, network);
    }
}
