package org.openlfa.model.profile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.openlfa.core.InputException;
import org.openlfa.core.Season;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The small digest of the SimBench year profiles that the seasonal derivation needs: the mean daily energy of the
 * H0 household load and of PV, per month and per season.
 *
 * <p>SimBench grid {@code 1-LV-rural1--0-no_sw} ships a full year (2016) of 15-min per-unit profiles, 35,136 rows;
 * the product ships only this digest ({@value #RESOURCE}, a few hundred bytes). Household = unweighted mean of the
 * {@code H0-A/B/C_pload} columns of {@code LoadProfile.csv} (per unit of pLoad, so the energy is kWh per day per kW
 * of pLoad); PV = mean of every column of {@code RESProfile.csv} (PV5, PV6, PV8; per unit of pRES, which SimBench
 * sets equal to the rated power, so kWh per day per kWp). Only ratios between seasons are used downstream.
 *
 * <p>To regenerate the shipped file (a test does the same and compares):
 * <pre>{@code
 * SimBenchDigest digest = SimBenchDigest.generate(Path.of("../shared/data/simbench-1-LV-rural1--0-no_sw"));
 * Files.writeString(Path.of("model/src/main/resources/org/openlfa/model/profile/simbench-digest.csv"), digest.toCsv());
 * }</pre>
 * or run {@code main} with the SimBench folder and the output file as arguments.
 *
 * @param months  per calendar month (1 = January)
 * @param seasons per season, day-weighted over its months
 */
public record SimBenchDigest(Map<Integer, PeriodEnergy> months, Map<Season, PeriodEnergy> seasons) {

    /** The class-path resource (next to this class) holding the shipped digest. */
    public static final String RESOURCE = "simbench-digest.csv";

    private static final Logger LOG = LoggerFactory.getLogger(SimBenchDigest.class);
    private static final String HEADER = "period,days,householdDailyEnergyInKwhPerKw,pvDailyEnergyInKwhPerKwp";
    private static final List<String> HOUSEHOLD_COLUMNS = List.of("H0-A_pload", "H0-B_pload", "H0-C_pload");
    private static final double HOURS_PER_STEP = 0.25;

    /**
     * Mean daily energy over the days of a period.
     *
     * @param days                           days of the 2016 SimBench year in the period
     * @param householdDailyEnergyInKwhPerKw mean H0 daily energy per kW of SimBench pLoad
     * @param pvDailyEnergyInKwhPerKwp       mean PV daily energy per kWp
     */
    public record PeriodEnergy(int days, double householdDailyEnergyInKwhPerKw, double pvDailyEnergyInKwhPerKwp) {
    }

    public SimBenchDigest {
        months = Collections.unmodifiableMap(new TreeMap<>(months));
        seasons = Collections.unmodifiableMap(new EnumMap<>(seasons));
        if (months.size() != 12 || seasons.size() != Season.values().length) {
            throw new IllegalArgumentException("a digest needs 12 months and 4 seasons");
        }
    }

    /** The digest shipped with the product (parsed on every call; callers cache it). */
    public static SimBenchDigest builtIn() {
        InputStream in = SimBenchDigest.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("missing class-path resource " + RESOURCE);
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return parse(reader, "classpath:org/openlfa/model/profile/" + RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Builds the digest from a SimBench CSV folder holding {@code LoadProfile.csv} and {@code RESProfile.csv}. */
    public static SimBenchDigest generate(Path simbenchDir) {
        double[][] household = monthlySums(simbenchDir.resolve("LoadProfile.csv"), HOUSEHOLD_COLUMNS);
        double[][] pv = monthlySums(simbenchDir.resolve("RESProfile.csv"), null);
        Map<Integer, PeriodEnergy> months = new TreeMap<>();
        for (int m = 1; m <= 12; m++) {
            int days = (int) household[1][m];
            if (days == 0 || (int) pv[1][m] != days) {
                throw InputException.in(simbenchDir.toString(), "time",
                        "LoadProfile.csv and RESProfile.csv covering the same full year; month " + m + " differs");
            }
            months.put(m, new PeriodEnergy(days, household[0][m] / days, pv[0][m] / days));
        }
        return new SimBenchDigest(months, seasonsOf(months));
    }

    /** Parses the digest CSV written by {@link #toCsv()}. */
    public static SimBenchDigest parse(Reader reader, String source) throws IOException {
        BufferedReader in = new BufferedReader(reader);
        Map<Integer, PeriodEnergy> months = new TreeMap<>();
        Map<Season, PeriodEnergy> seasons = new EnumMap<>(Season.class);
        String line;
        int lineNo = 0;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#") || line.equals(HEADER)) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != 4) {
                throw InputException.at(source, lineNo, "period", "4 comma-separated fields: " + HEADER);
            }
            PeriodEnergy energy;
            try {
                energy = new PeriodEnergy(Integer.parseInt(cells[1].strip()), Double.parseDouble(cells[2].strip()),
                        Double.parseDouble(cells[3].strip()));
            } catch (NumberFormatException e) {
                throw InputException.at(source, lineNo, "days", "numbers in fields 2-4, got '" + line + "'", e);
            }
            String period = cells[0].strip();
            if (period.chars().allMatch(Character::isDigit)) {
                months.put(Integer.parseInt(period), energy);
            } else {
                try {
                    seasons.put(Season.valueOf(period), energy);
                } catch (IllegalArgumentException e) {
                    throw InputException.at(source, lineNo, "period", "a month 1-12 or a season name, got " + period);
                }
            }
        }
        if (months.size() != 12 || seasons.size() != 4) {
            throw InputException.in(source, "period", "12 month rows and 4 season rows");
        }
        return new SimBenchDigest(months, seasons);
    }

    /** The digest as the CSV text that is shipped (deterministic: the same input gives the same bytes). */
    public String toCsv() {
        StringBuilder sb = new StringBuilder();
        sb.append("# SimBench 1-LV-rural1--0-no_sw, year 2016, 15-min: mean daily energy per month and season.\n");
        sb.append("# Generated by org.openlfa.model.profile.SimBenchDigest - regenerate, do not edit by hand.\n");
        sb.append("# household = mean of H0-A/B/C pload (kWh/day per kW of pLoad); "
                + "pv = mean of PV5/PV6/PV8 (kWh/day per kWp)\n");
        sb.append("# Source: SimBench (Meinecke et al. 2020), ODbL 1.0 / DbCL 1.0 - see SOURCES.md\n");
        sb.append(HEADER).append('\n');
        months.forEach((m, e) -> sb.append(row(Integer.toString(m), e)));
        seasons.forEach((s, e) -> sb.append(row(s.name(), e)));
        return sb.toString();
    }

    /** Regenerates the digest file: {@code main(simbenchDir, outputFile)}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: SimBenchDigest <simbench-folder> <output.csv>");
        }
        SimBenchDigest digest = generate(Path.of(args[0]));
        Files.writeString(Path.of(args[1]), digest.toCsv(), StandardCharsets.UTF_8);
        LOG.info("wrote {} from {}", args[1], args[0]);
    }

    private static String row(String period, PeriodEnergy e) {
        return String.format(Locale.ROOT, "%s,%d,%.6f,%.6f%n", period, e.days(), e.householdDailyEnergyInKwhPerKw(),
                e.pvDailyEnergyInKwhPerKwp()).replace("\r", "");
    }

    private static Map<Season, PeriodEnergy> seasonsOf(Map<Integer, PeriodEnergy> months) {
        Map<Season, PeriodEnergy> seasons = new EnumMap<>(Season.class);
        for (Season s : Season.values()) {
            int days = 0;
            double household = 0;
            double pv = 0;
            for (Map.Entry<Integer, PeriodEnergy> e : months.entrySet()) {
                if (Season.ofMonth(e.getKey()) == s) {
                    PeriodEnergy p = e.getValue();
                    days += p.days();
                    household += p.householdDailyEnergyInKwhPerKw() * p.days();
                    pv += p.pvDailyEnergyInKwhPerKwp() * p.days();
                }
            }
            seasons.put(s, new PeriodEnergy(days, household / days, pv / days));
        }
        return seasons;
    }

    /**
     * Sums, per month, the energy of the mean of the chosen columns (all but {@code time} when null).
     *
     * @return {@code [0][month]} energy in kWh per kW, {@code [1][month]} number of distinct days
     */
    private static double[][] monthlySums(Path file, List<String> wanted) {
        double[] energy = new double[13];
        List<Set<String>> days = new ArrayList<>();
        for (int m = 0; m <= 12; m++) {
            days.add(new HashSet<>());
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) {
                throw InputException.at(file, 1, "time", "a SimBench header line");
            }
            List<String> names = List.of(header.replace("\uFEFF", "").split(";", -1));
            List<Integer> columns = new ArrayList<>();
            for (int i = 1; i < names.size(); i++) {
                if (wanted == null || wanted.contains(names.get(i))) {
                    columns.add(i);
                }
            }
            if (columns.isEmpty() || (wanted != null && columns.size() != wanted.size())) {
                throw InputException.at(file, 1, "header", "the columns " + (wanted == null ? "of the profiles"
                        : String.join(", ", wanted)));
            }
            String line;
            int lineNo = 1;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(";", -1);
                String time = cells[0];
                // dd.mm.yyyy HH:MM
                if (time.length() < 16 || time.charAt(2) != '.' || time.charAt(5) != '.') {
                    throw InputException.at(file, lineNo, "time", "a time as dd.mm.yyyy HH:MM, got '" + time + "'");
                }
                int month = Integer.parseInt(time.substring(3, 5));
                double sum = 0;
                for (int c : columns) {
                    if (c >= cells.length) {
                        throw InputException.at(file, lineNo, names.get(c), "a value, the line is short");
                    }
                    try {
                        sum += Double.parseDouble(cells[c]);
                    } catch (NumberFormatException e) {
                        throw InputException.at(file.toString(), lineNo, names.get(c),
                                "a per-unit number, got '" + cells[c] + "'", e);
                    }
                }
                energy[month] += sum / columns.size() * HOURS_PER_STEP;
                days.get(month).add(time.substring(0, 10));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        double[] dayCounts = new double[13];
        for (int m = 1; m <= 12; m++) {
            dayCounts[m] = days.get(m).size();
        }
        return new double[][] {energy, dayCounts};
    }
}
