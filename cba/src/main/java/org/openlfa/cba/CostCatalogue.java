package org.openlfa.cba;

import java.util.List;
import java.util.Objects;
import org.openlfa.core.yaml.Figure;

/**
 * What the LFA spends: equipment per prosumer, platform, running costs and the financial frame, each figure with its
 * source.
 *
 * <pre>{@code
 * CostCatalogue costs = CbaInputs.loadBuiltInCosts();
 * double box = costs.prosumerCapex().energyBoxInEur();
 * }</pre>
 *
 * @param prosumerCapex the one-off cost of signing up a home
 * @param platform      platform costs, per LVG and central
 * @param prosumerOpex  yearly running costs per signed-up home
 * @param financials    discount rate, horizon, escalation, equipment life
 * @param figures       every figure with its source, in file order
 * @param sourceFile    the file or class-path resource it was read from
 */
public record CostCatalogue(ProsumerCapex prosumerCapex, PlatformCosts platform, ProsumerOpex prosumerOpex,
                            Financials financials, List<Figure> figures, String sourceFile) {
    public CostCatalogue {
        Objects.requireNonNull(prosumerCapex, "prosumerCapex");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(prosumerOpex, "prosumerOpex");
        Objects.requireNonNull(financials, "financials");
        figures = List.copyOf(figures);
    }

    /**
     * Equipment and work to sign up one home. A home without an energy box (a flex buyer on the local market) needs
     * only the meter integration.
     *
     * @param energyBoxInEur              the energy box (CEMS gateway)
     * @param smartPlugInEurPerAppliance  a smart plug, relay or device interface per controllable appliance
     * @param installationInEur           installer visit and commissioning
     * @param meterIntegrationInEur       reading the smart meter (consumer access device), for every participant
     */
    public record ProsumerCapex(double energyBoxInEur, double smartPlugInEurPerAppliance, double installationInEur,
                                double meterIntegrationInEur) {

        /** The CAPEX of a home with an energy box controlling {@code appliances} devices. */
        public double withEnergyBoxInEur(double appliances) {
            return energyBoxInEur + smartPlugInEurPerAppliance * appliances + installationInEur
                    + meterIntegrationInEur;
        }
    }

    /**
     * Platform costs: per LVG (onboarding of the grid and its communities, hosting) and central (software, back
     * office), the latter carried once whatever the number of LVGs.
     */
    public record PlatformCosts(double capexInEurPerLvg, double opexInEurPerLvgPerYear, double centralCapexInEur,
                                double centralOpexInEurPerYear) {
    }

    /** Yearly running costs per signed-up home; connectivity only for homes with an energy box. */
    public record ProsumerOpex(double connectivityInEurPerYear, double customerServiceInEurPerYear,
                               double billingAndSettlementInEurPerYear) {

        /** The yearly OPEX of a home, with or without an energy box. */
        public double inEurPerYear(boolean energyBox) {
            return (energyBox ? connectivityInEurPerYear : 0) + customerServiceInEurPerYear
                    + billingAndSettlementInEurPerYear;
        }
    }

    /**
     * The financial frame of every cash flow.
     *
     * @param discountRate            yearly discount rate (nominal)
     * @param horizonInYears          years of operation counted
     * @param priceEscalationPerYear  yearly growth of revenues and running costs
     * @param equipmentLifeInYears    the prosumer equipment is bought again after this many years
     */
    public record Financials(double discountRate, int horizonInYears, double priceEscalationPerYear,
                             int equipmentLifeInYears) {
    }

    /** A copy with other prosumer CAPEX figures (for sensitivities). */
    public CostCatalogue withProsumerCapex(ProsumerCapex capex) {
        return new CostCatalogue(capex, platform, prosumerOpex, financials, figures, sourceFile);
    }

    /** A copy with other prosumer OPEX figures. */
    public CostCatalogue withProsumerOpex(ProsumerOpex opex) {
        return new CostCatalogue(prosumerCapex, platform, opex, financials, figures, sourceFile);
    }

    /** A copy with another financial frame. */
    public CostCatalogue withFinancials(Financials f) {
        return new CostCatalogue(prosumerCapex, platform, prosumerOpex, f, figures, sourceFile);
    }
}
