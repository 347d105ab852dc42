package org.openlfa.cems;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.openlfa.agents.AclMessage;
import org.openlfa.agents.AgentId;
import org.openlfa.agents.CemsAgent;
import org.openlfa.agents.MessageContent;
import org.openlfa.agents.Performative;
import org.openlfa.agents.Transport;
import org.openlfa.core.PtuSeries;
import org.openlfa.optim.HomeSchedule;
import org.openlfa.protocol.WireCodec;

/**
 * A live energy box's protocol with the platform, PTU by PTU: on the first PTU of each day it plans the day (UC1)
 * and sends the plan to the aggregator (INFORM PlanReport), then answers the aggregator's calls for proposals (UC2)
 * as they come, and at the end of every PTU it reports the meter's reading of what the home ran.
 *
 * <pre>{@code
 * LiveCems cems = new LiveCems(client, LiveHome.ofStudyHome("F1_LOAD1", "2030Green-High", 15));
 * cems.awaitTariffs(5_000);
 * cems.startPtu(ptuStart);      // plans and sends the plan on a new day
 * // ... the PTU passes ...
 * cems.endPtu(ptuStart);        // sends the reading
 * }</pre>
 */
public final class LiveCems {

    private final CemsClient client;
    private final LiveHome home;
    private final int ptuMinutes;
    private LocalDate planned;
    private volatile long dayStartEpochMs;

    public LiveCems(CemsClient client, LiveHome home) {
        this.client = Objects.requireNonNull(client, "client");
        this.home = Objects.requireNonNull(home, "home");
        this.ptuMinutes = home.ptuMinutes();
        client.onPrices(home::usePrices);
    }

    /** Waits for the platform's retained tariffs; false after {@code timeoutMs} (the scenario's then apply). */
    public boolean awaitTariffs(long timeoutMs) throws InterruptedException {
        return home.awaitPublishedTariffs(timeoutMs);
    }

    /** At the start of a PTU: on a new day, plans it and sends the plan; returns the plan when it did. */
    public Optional<HomeSchedule> startPtu(Instant ptuStart) {
        LocalDate day = ptuStart.atZone(ZoneOffset.UTC).toLocalDate();
        if (day.equals(planned)) {
            return Optional.empty();
        }
        planned = day;
        dayStartEpochMs = day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        CemsAgent agent = home.planDay(day);
        Transport transport = client.attach(agent, () -> dayStartEpochMs, ptuMinutes);
        HomeSchedule plan = agent.uc1Schedule();
        transport.send(new AclMessage(Performative.INFORM, agent.id(), List.of(new AgentId(WireCodec.AGGREGATOR)),
                "plan-" + agent.id().value() + "-" + day, new MessageContent.PlanReport(
                        PtuSeries.of(plan.netInKw()), plan.costInEur())));
        return Optional.of(plan);
    }

    /** At the end of a PTU: meters what the home ran in it and sends the reading; returns it. */
    public LiveHome.Metered endPtu(Instant ptuStart) {
        int minuteOfDay = ptuStart.atZone(ZoneOffset.UTC).getHour() * 60 + ptuStart.atZone(ZoneOffset.UTC).getMinute();
        LiveHome.Metered m = home.meter(minuteOfDay / ptuMinutes);
        client.sendReading(ptuStart.toEpochMilli(), ptuMinutes, m.netInKw(), m.billInEur(),
                OptionalDouble.of(m.loadInKw()), home.pvOf(m));
        return m;
    }

    /** The home's current day's agent's running schedule (the award once it came). */
    public HomeSchedule runningSchedule() {
        return home.runningSchedule();
    }
}
