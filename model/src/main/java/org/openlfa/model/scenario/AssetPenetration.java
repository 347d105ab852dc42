package org.openlfa.model.scenario;

/**
 * Shares of households (0..1) that own each asset in a scenario, and the share with an energy box.
 *
 * @param pvShare        share of homes with rooftop PV
 * @param batteryShare   share of homes with a home battery
 * @param evShare        share of homes with an electric vehicle charged at home
 * @param heatPumpShare  share of homes heated by a heat pump
 * @param smartShare     share of homes with an energy box (CEMS) and controllable appliances
 */
public record AssetPenetration(double pvShare, double batteryShare, double evShare, double heatPumpShare,
                               double smartShare) {
}
