package org.openlfa.core.yaml;

import java.util.Map;

/** Finds the source of a figure: its own key, or the nearest parent key, with or without list indices. */
public final class Sources {

    private Sources() {
    }

    /**
     * The source for a field path such as {@code importTariff.bands[2].priceInEurPerKwh}: tried as it is, without
     * indices ({@code importTariff.bands.priceInEurPerKwh}), then the same for each parent up to the top key.
     * Returns {@code null} when no key covers the field.
     */
    public static String lookup(Map<String, String> sources, String fieldPath) {
        String current = fieldPath;
        while (!current.isEmpty()) {
            String found = sources.get(current);
            if (found == null) {
                found = sources.get(current.replaceAll("\\[\\d+]", ""));
            }
            if (found != null) {
                return found;
            }
            int cut = Math.max(current.lastIndexOf('.'), current.lastIndexOf('['));
            current = cut < 0 ? "" : current.substring(0, cut);
        }
        return null;
    }
}
