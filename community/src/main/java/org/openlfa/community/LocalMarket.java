package org.openlfa.community;

import org.openlfa.model.scenario.LocalMarketRule;

/**
 * Settles one community's local market, PTU by PTU, from its members' net exchanges.
 *
 * <p>In each PTU the buyers' demand {@code D} and the sellers' surplus {@code S} are matched up to
 * {@code Q = min(D, S)}; each buyer gets its share {@code d_i * Q / D} of local energy, each seller sells
 * {@code s_j * Q / S}; what is not matched is traded with the supplier at the retail import or export price. The rule
 * sets the local price:
 * <ul>
 *   <li>{@link LocalMarketRule#MID_MARKET_RATE}: half-way between the import and the export price, so buyers and
 *       sellers share the netting saving equally;</li>
 *   <li>{@link LocalMarketRule#BILL_SHARING}: the community is billed as one meter and the short side pays the
 *       retail price for what it trades: when buyers outweigh sellers, sellers are paid the import price (the
 *       community's bill for the buyers is shared among them, and the saving goes to the sellers who avoided
 *       imports); when sellers outweigh buyers, buyers pay the export price (the saving goes to the buyers).
 *       After the bill-sharing idea of Long et al., "Peer-to-peer energy trading in a community microgrid", IEEE PES
 *       GM 2017, in the form stated here.</li>
 * </ul>
 * Every member pays or earns at least as well as with the supplier alone, and the money balances: what buyers pay
 * locally is what sellers receive.
 */
public final class LocalMarket {

    /** One PTU's settlement per member. */
    public record Settlement(double[] localBoughtInKwh, double[] localSoldInKwh, double[] billInEur,
                             double localPriceInEurPerKwh, double tradedInKwh) {
    }

    private final LocalMarketRule rule;

    public LocalMarket(LocalMarketRule rule) {
        this.rule = rule;
    }

    /**
     * Settles one PTU.
     *
     * @param netInKw              per member, mean net power (positive = import)
     * @param hours                PTU length in hours
     * @param importPriceInEurPerKwh retail import price
     * @param exportPriceInEurPerKwh retail export price
     */
    public Settlement settle(double[] netInKw, double hours, double importPriceInEurPerKwh,
                             double exportPriceInEurPerKwh) {
        int m = netInKw.length;
        double demand = 0;
        double supply = 0;
        for (double x : netInKw) {
            if (x > 0) {
                demand += x * hours;
            } else {
                supply -= x * hours;
            }
        }
        double traded = Math.min(demand, supply);
        double price = switch (rule) {
            case MID_MARKET_RATE -> (importPriceInEurPerKwh + exportPriceInEurPerKwh) / 2;
            case BILL_SHARING -> demand >= supply ? importPriceInEurPerKwh : exportPriceInEurPerKwh;
        };
        double[] bought = new double[m];
        double[] sold = new double[m];
        double[] bill = new double[m];
        for (int i = 0; i < m; i++) {
            double energy = netInKw[i] * hours;
            if (energy > 0) {
                bought[i] = traded > 0 ? energy * traded / demand : 0;
                bill[i] = bought[i] * price + (energy - bought[i]) * importPriceInEurPerKwh;
            } else if (energy < 0) {
                sold[i] = traded > 0 ? -energy * traded / supply : 0;
                bill[i] = -sold[i] * price + (energy + sold[i]) * exportPriceInEurPerKwh;
            }
        }
        return new Settlement(bought, sold, bill, price, traded);
    }
}
