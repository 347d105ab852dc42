package org.openlfa.community.grid;

import static org.openlfa.core.yaml.YamlReader.allowOnly;
import static org.openlfa.core.yaml.YamlReader.itemMap;
import static org.openlfa.core.yaml.YamlReader.list;
import static org.openlfa.core.yaml.YamlReader.map;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.openlfa.agents.DsoPolicy;
import org.openlfa.core.InputException;
import org.openlfa.core.yaml.YamlReader;
import org.openlfa.core.yaml.YamlTree;
import org.openlfa.core.yaml.YamlTree.MapNode;
import org.openlfa.core.yaml.YamlTree.Node;

/**
 * The grid operator's settings for UC3, read from {@code dso.yaml}: limits, price cap, and the reinforcement it would
 * build instead of buying flexibility.
 *
 * <pre>{@code
 * DsoSettings dso = DsoSettings.builtIn();
 * double annuity = dso.reinforcement().annuityInEur(35000, 40);
 * }</pre>
 *
 * @param transformerRatingInKva   rating of the MV/LV transformer
 * @param policy                   limits and the flexibility price cap
 * @param aggregatorMarginFraction the aggregator's margin on the homes' cost
 * @param reinforcement            the grid alternative
 * @param sources                  where each figure comes from
 * @param sourceFile               the file read
 */
public record DsoSettings(double transformerRatingInKva, DsoPolicy policy, double aggregatorMarginFraction,
                          Reinforcement reinforcement, Map<String, String> sources, String sourceFile) {

    /** A transformer the operator may install instead, and its installed cost. */
    public record TransformerStep(double ratingInKva, double costInEur) {
    }

    /**
     * The grid alternative to flexibility.
     *
     * @param transformerSteps              larger transformers, smallest first
     * @param cableOverlayCostInEurPerMeter cost of laying a second cable along a feeder's main
     * @param transformerLifeInYears        life of a transformer
     * @param cableLifeInYears              life of a cable
     * @param discountRate                  the operator's discount rate a year
     */
    public record Reinforcement(List<TransformerStep> transformerSteps, double cableOverlayCostInEurPerMeter,
                                double transformerLifeInYears, double cableLifeInYears, double discountRate) {

        public Reinforcement {
            transformerSteps = transformerSteps.stream().sorted(Comparator.comparingDouble(TransformerStep::ratingInKva))
                    .toList();
        }

        /** The equal yearly payment that repays {@code capexInEur} over {@code lifeInYears} at the discount rate. */
        public double annuityInEur(double capexInEur, double lifeInYears) {
            if (discountRate == 0) {
                return capexInEur / lifeInYears;
            }
            return capexInEur * discountRate / (1 - Math.pow(1 + discountRate, -lifeInYears));
        }

        /** What deferring an investment by one year is worth today: {@code capex * r / (1 + r)}. */
        public double oneYearDeferralValueInEur(double capexInEur) {
            return capexInEur * discountRate / (1 + discountRate);
        }
    }

    private static final String BUILT_IN = "org/openlfa/community/grid/dso.yaml";

    /** The shipped settings. */
    public static DsoSettings builtIn() {
        InputStream in = DsoSettings.class.getClassLoader().getResourceAsStream(BUILT_IN);
        if (in == null) {
            throw new IllegalStateException("missing resource " + BUILT_IN);
        }
        return parse("classpath:" + BUILT_IN, in);
    }

    /** Settings from a user's file. */
    public static DsoSettings load(Path file) {
        try {
            return parse(file.toString(), Files.newInputStream(file));
        } catch (NoSuchFileException e) {
            throw InputException.in(file, "file", "an existing DSO settings YAML file");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DsoSettings parse(String source, InputStream in) {
        MapNode root = YamlTree.parse(source, in);
        allowOnly(root, "", List.of("transformerRatingInKva", "voltageLimits", "maxTransformerLoadingPct",
                "voltageTargetMarginPu", "maxFlexPriceInEurPerKwh", "aggregatorMarginFraction", "reinforcement",
                "sources"));
        YamlReader read = YamlReader.withSources(root);
        MapNode limits = map(root, "", "voltageLimits");
        allowOnly(limits, "voltageLimits", List.of("minPu", "maxPu"));
        double min = read.positive(limits, "voltageLimits", "minPu", "pu");
        double max = read.positive(limits, "voltageLimits", "maxPu", "pu");
        if (!(min < 1 && max > 1)) {
            throw InputException.at(source, limits.line(), "voltageLimits", "minPu below 1 and maxPu above 1");
        }
        DsoPolicy policy = new DsoPolicy(min, max, read.positive(root, "", "maxTransformerLoadingPct", "%"),
                read.nonNegative(root, "", "voltageTargetMarginPu", "pu"),
                read.nonNegative(root, "", "maxFlexPriceInEurPerKwh", "EUR/kWh"));
        MapNode r = map(root, "", "reinforcement");
        allowOnly(r, "reinforcement", List.of("transformerSteps", "cableOverlayCostInEurPerMeter",
                "transformerLifeInYears", "cableLifeInYears", "discountRate"));
        List<TransformerStep> steps = new ArrayList<>();
        int i = 0;
        for (Node item : list(r, "reinforcement", "transformerSteps").items()) {
            String path = "reinforcement.transformerSteps[" + i++ + "]";
            MapNode step = itemMap(item, path);
            allowOnly(step, path, List.of("ratingInKva", "costInEur"));
            steps.add(new TransformerStep(read.positive(step, path, "ratingInKva", "kVA"),
                    read.positive(step, path, "costInEur", "EUR")));
        }
        Reinforcement reinforcement = new Reinforcement(steps,
                read.positive(r, "reinforcement", "cableOverlayCostInEurPerMeter", "EUR/m"),
                read.positive(r, "reinforcement", "transformerLifeInYears", "years"),
                read.positive(r, "reinforcement", "cableLifeInYears", "years"),
                read.share(r, "reinforcement", "discountRate"));
        return new DsoSettings(read.positive(root, "", "transformerRatingInKva", "kVA"), policy,
                read.nonNegative(root, "", "aggregatorMarginFraction", "fraction"), reinforcement, read.sources(),
                source);
    }
}
