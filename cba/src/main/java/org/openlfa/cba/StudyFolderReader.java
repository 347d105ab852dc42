package org.openlfa.cba;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openlfa.core.InputException;
import org.openlfa.core.Season;
import org.openlfa.model.scenario.AssetCatalogue;
import org.openlfa.model.scenario.Scenario;
import org.openlfa.model.scenario.ScenarioLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a study folder written by {@code lfa study}: {@code summary.csv} and {@code households.csv} (required),
 * {@code timeseries/<scenario>/<community>.csv} (the flexible load, optional), and what the grid study adds:
 * {@code grid.csv} (the DSO's figures per scenario) and {@code feeder_map.svg}, both optional. Columns are found by
 * name, so added columns do no harm; a missing column or a bad number is an {@link InputException} naming the file,
 * line and column.
 *
 * <pre>{@code
 * StudyData study = StudyFolderReader.read(Path.of("results"), ScenarioLoader.loadBuiltInCatalogue());
 * }</pre>
 */
public final class StudyFolderReader {

    private static final Logger LOG = LoggerFactory.getLogger(StudyFolderReader.class);
    private static final Pattern YEAR = Pattern.compile("^(\\d{4})");

    /** Name of the DSO figures file the grid study writes into the study folder. */
    public static final String GRID_FILE = "grid.csv";
    /** Name of the feeder map the grid study writes into the study folder. */
    public static final String FEEDER_MAP = "feeder_map.svg";

    private StudyFolderReader() {
    }

    /**
     * Reads a study folder.
     *
     * @param dir    the folder
     * @param assets the asset catalogue the study used (for the wet appliances a home is expected to have)
     */
    public static StudyData read(Path dir, AssetCatalogue assets) {
        if (!Files.isDirectory(dir)) {
            throw InputException.in(dir, "--study", "a study folder written by 'lfa study'; it does not exist");
        }
        double wet = StudyData.expectedWetAppliances(assets);
        Map<String, double[]> summary = new LinkedHashMap<>();
        Table s = Table.read(dir.resolve("summary.csv"));
        for (Row row : s.rows()) {
            summary.put(row.text("scenario"), new double[]{row.number("local_traded_kwh"),
                    row.number("value_exchanged_eur")});
        }
        if (summary.isEmpty()) {
            throw InputException.in(s.file(), "scenario", "at least one scenario row");
        }
        Map<String, List<ProsumerData>> homes = new HashMap<>();
        Table h = Table.read(dir.resolve("households.csv"));
        for (Row row : h.rows()) {
            String scenario = row.text("scenario");
            if (!summary.containsKey(scenario)) {
                throw InputException.at(h.file(), row.line(), "scenario", "a scenario of summary.csv, got '"
                        + scenario + "'");
            }
            boolean battery = row.flag("has_battery");
            boolean ev = row.flag("has_ev");
            boolean heatPump = row.flag("has_heat_pump");
            homes.computeIfAbsent(scenario, k -> new ArrayList<>()).add(new ProsumerData(row.text("household"),
                    row.text("community"), row.flag("has_pv"), battery, ev, heatPump, row.flag("smart"),
                    row.flag("coordinated"), row.number("baseline_bill_eur"), row.number("optimised_bill_eur"),
                    row.number("community_bill_eur"), row.number("local_bought_kwh"), row.number("local_sold_kwh"),
                    StudyData.controllableAppliances(battery, ev, heatPump,
                            row.numberOr("wet_appliances", wet))));
        }
        Path gridPath = dir.resolve(GRID_FILE);
        Map<String, GridFigures> grid = Files.isRegularFile(gridPath) ? readGrid(gridPath) : Map.of();
        List<ScenarioData> scenarios = new ArrayList<>();
        for (Map.Entry<String, double[]> e : summary.entrySet()) {
            String name = e.getKey();
            List<ProsumerData> rows = homes.get(name);
            if (rows == null) {
                throw InputException.in(h.file(), "scenario", "rows for every scenario of summary.csv; none for '"
                        + name + "'");
            }
            Optional<Scenario> builtIn = ScenarioLoader.builtInNames().contains(name)
                    ? Optional.of(ScenarioLoader.loadBuiltIn(name)) : Optional.empty();
            int year = builtIn.map(Scenario::horizonYear).orElseGet(() -> {
                Matcher m = YEAR.matcher(name);
                return m.find() ? Integer.parseInt(m.group(1)) : 0;
            });
            double traded = e.getValue()[0];
            scenarios.add(new ScenarioData(name, year, rows, traded > 0 ? e.getValue()[1] / traded : 0,
                    flexibleEnergy(dir.resolve("timeseries").resolve(name)),
                    builtIn.flatMap(StudyData::dynamicShape), Optional.ofNullable(grid.get(name))));
        }
        Path map = dir.resolve(FEEDER_MAP);
        Optional<String> svg = Optional.empty();
        if (Files.isRegularFile(map)) {
            try {
                svg = Optional.of(Files.readString(map));
            } catch (IOException ex) {
                throw new UncheckedIOException("cannot read " + map, ex);
            }
        }
        if (grid.isEmpty()) {
            LOG.info("{} not found in {}: the DSO stream (UC3) counts zero", GRID_FILE, dir);
        }
        return new StudyData(scenarios, Files.isRegularFile(gridPath) ? Optional.of(gridPath.toString())
                : Optional.empty(), svg, dir.toString());
    }

    /** Reads a {@code grid.csv}: one row per scenario with the DSO's yearly figures. */
    public static Map<String, GridFigures> readGrid(Path file) {
        Map<String, GridFigures> out = new LinkedHashMap<>();
        Table t = Table.read(file);
        for (Row row : t.rows()) {
            String scenario = row.text("scenario");
            out.put(scenario, new GridFigures(scenario, row.numberOr("flex_delivered_kwh", 0),
                    row.nonNegative("dso_flex_cost_eur"), row.numberOr("reinforcement_annuity_eur", 0),
                    row.number("deferral_value_eur")));
        }
        return out;
    }

    /** Per community, the yearly energy of the positive flexible load; empty when the folder is missing. */
    private static Map<String, Double> flexibleEnergy(Path folder) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (!Files.isDirectory(folder)) {
            return out;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        for (Path file : files) {
            String community = file.getFileName().toString().replaceFirst("\\.csv$", "");
            Table t = Table.read(file);
            Map<Season, double[]> perSeason = new HashMap<>(); // [sum of positive kW, PTU count]
            for (Row row : t.rows()) {
                Season season = row.season("season");
                double[] acc = perSeason.computeIfAbsent(season, k -> new double[2]);
                acc[0] += Math.max(row.number("flexible_load_kw"), 0);
                acc[1] += 1;
            }
            double kwh = 0;
            for (Map.Entry<Season, double[]> e : perSeason.entrySet()) {
                kwh += e.getValue()[0] * (24.0 / e.getValue()[1]) * e.getKey().daysPerYear();
            }
            out.put(community, kwh);
        }
        return out;
    }

    /** A comma-separated file with a header row, read whole. */
    private record Table(Path file, List<Row> rows) {
        static Table read(Path file) {
            if (!Files.isRegularFile(file)) {
                throw InputException.in(file, "", "this file of a study folder; it is missing");
            }
            List<Row> rows = new ArrayList<>();
            try (BufferedReader in = Files.newBufferedReader(file)) {
                String header = in.readLine();
                if (header == null) {
                    throw InputException.at(file, 1, "", "a header row, the file is empty");
                }
                Map<String, Integer> columns = new HashMap<>();
                String[] names = header.strip().split(",", -1);
                for (int i = 0; i < names.length; i++) {
                    columns.put(names[i].strip(), i);
                }
                int lineNo = 1;
                for (String line; (line = in.readLine()) != null; ) {
                    lineNo++;
                    if (line.isBlank()) {
                        continue;
                    }
                    String[] cells = line.split(",", -1);
                    if (cells.length != names.length) {
                        throw InputException.at(file, lineNo, "", names.length + " comma-separated values as in the"
                                + " header, got " + cells.length);
                    }
                    rows.add(new Row(file, lineNo, columns, cells));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            return new Table(file, rows);
        }
    }

    /** One data row; typed reads name the column on error. */
    private record Row(Path file, int line, Map<String, Integer> columns, String[] cells) {
        String text(String column) {
            Integer i = columns.get(column);
            if (i == null) {
                throw InputException.at(file, 1, column, "a column '" + column + "' in the header");
            }
            String value = cells[i].strip();
            if (value.isEmpty()) {
                throw InputException.at(file, line, column, "a value, the cell is empty");
            }
            return value;
        }

        double number(String column) {
            String value = text(column);
            try {
                double v = Double.parseDouble(value);
                if (!Double.isFinite(v)) {
                    throw new NumberFormatException();
                }
                return v;
            } catch (NumberFormatException e) {
                throw InputException.at(file, line, column, "a number, got '" + value + "'");
            }
        }

        double nonNegative(String column) {
            double v = number(column);
            if (v < 0) {
                throw InputException.at(file, line, column, "a value of 0 or more, got " + v);
            }
            return v;
        }

        double numberOr(String column, double absent) {
            return columns.containsKey(column) ? number(column) : absent;
        }

        boolean flag(String column) {
            String value = text(column);
            return switch (value) {
                case "1", "true" -> true;
                case "0", "false" -> false;
                default -> throw InputException.at(file, line, column, "1 or 0, got '" + value + "'");
            };
        }

        Season season(String column) {
            String value = text(column);
            try {
                return Season.valueOf(value);
            } catch (IllegalArgumentException e) {
                throw InputException.at(file, line, column, "a season (WINTER, SPRING, SUMMER, AUTUMN), got '"
                        + value + "'");
            }
        }
    }
}
