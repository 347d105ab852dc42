package org.openlfa.cba;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One business case: who runs the LFA, which homes it may sign up, which revenue streams it runs and how it splits
 * each with the prosumer, and its enrolment rule (a home is signed up only if its own net value repays its CAPEX
 * within {@code paybackLimitInYears}).
 *
 * <pre>{@code
 * BusinessCase bc1 = CbaInputs.loadBuiltInBusinessCases().byId("BC1");
 * }</pre>
 *
 * @param id                    short id, e.g. {@code BC1}
 * @param name                  a title
 * @param lfa                   who acts as LFA
 * @param participants          which homes it may sign up
 * @param streams               the revenue streams it runs
 * @param paybackLimitInYears   enrolment rule: a home's discounted payback must not exceed this
 * @param uc1SavingShare        share of the UC1 saving the LFA keeps
 * @param serviceFeeInEurPerYear fee paid by each prosumer
 * @param localTradingFeeShare  commission on the value a home exchanges on the local market
 * @param wholesaleLfaShare     share of the wholesale flexibility revenue the LFA keeps
 * @param dsoPassThroughShare   share of the DSO's flexibility payment passed on to the prosumers
 */
public record BusinessCase(String id, String name, String lfa, Participants participants, Set<RevenueStream> streams,
                           double paybackLimitInYears, double uc1SavingShare, double serviceFeeInEurPerYear,
                           double localTradingFeeShare, double wholesaleLfaShare, double dsoPassThroughShare) {
    public BusinessCase {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(participants, "participants");
        streams = streams.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(streams));
    }

    /** Whether the case runs a stream. */
    public boolean runs(RevenueStream stream) {
        return streams.contains(stream);
    }

    /** A copy with another payback limit (for sensitivities). */
    public BusinessCase withPaybackLimit(double years) {
        return new BusinessCase(id, name, lfa, participants, streams, years, uc1SavingShare, serviceFeeInEurPerYear,
                localTradingFeeShare, wholesaleLfaShare, dsoPassThroughShare);
    }

    /** A copy with another UC1 saving share. */
    public BusinessCase withUc1SavingShare(double share) {
        return new BusinessCase(id, name, lfa, participants, streams, paybackLimitInYears, share,
                serviceFeeInEurPerYear, localTradingFeeShare, wholesaleLfaShare, dsoPassThroughShare);
    }
}
