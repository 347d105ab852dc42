package org.openlfa.cba;

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
import org.openlfa.core.csv.CsvTable;
import org.openlfa.core.Season;
import org.openlfa.model.scenario.AssetCatalogue;
import org.openlfa.model.scenario.Scenario;
import org.openlfa.model.scenario.ScenarioLoader;
import org.openlfa.sim.schema.Column;
import org.openlfa.sim.schema.GridColumn;
import org.openlfa.sim.schema.HouseholdColumn;
import org.openlfa.sim.schema.SeriesColumn;
import org.openlfa.sim.schema.SummaryColumn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a study folder written by {@code lfa study}: {@code summary.csv} and {@code households.csv} (required),
 * {@code timeseries/<scenario>/<community>.csv} (the flexible load, optional), and what the grid study adds:
 * {@code grid.csv} (the DSO's figures per scenario) and {@code feeder_map.svg}, both optional. Columns are the
 * writer's own ({@code org.openlfa.sim.schema}), found by name, so added columns do no harm; the CSV library splits
 * and unquotes; a missing column or a bad number is an {@link InputException} naming the file,
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
    public static final String GRID_FILE = GridColumn.FILE;
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
        Table s = Table.read(dir.resolve(SummaryColumn.FILE));
        for (Row row : s.rows()) {
            summary.put(row.text(SummaryColumn.SCENARIO), new double[]{row.number(SummaryColumn.LOCAL_TRADED_KWH),
                    row.number(SummaryColumn.VALUE_EXCHANGED_EUR)});
        }
        if (summary.isEmpty()) {
            throw InputException.in(s.file(), SummaryColumn.SCENARIO.header(), "at least one scenario row");
        }
        Map<String, List<ProsumerData>> homes = new HashMap<>();
        Table h = Table.read(dir.resolve(HouseholdColumn.FILE));
        for (Row row : h.rows()) {
            String scenario = row.text(HouseholdColumn.SCENARIO);
            if (!summary.containsKey(scenario)) {
                throw InputException.at(h.file(), row.line(), HouseholdColumn.SCENARIO.header(),
                        "a scenario of summary.csv, got '"
                        + scenario + "'");
            }
            boolean battery = row.flag(HouseholdColumn.HAS_BATTERY);
            boolean ev = row.flag(HouseholdColumn.HAS_EV);
            boolean heatPump = row.flag(HouseholdColumn.HAS_HEAT_PUMP);
            homes.computeIfAbsent(scenario, k -> new ArrayList<>()).add(new ProsumerData(
                    row.text(HouseholdColumn.HOUSEHOLD), row.text(HouseholdColumn.COMMUNITY),
                    row.flag(HouseholdColumn.HAS_PV), battery, ev, heatPump, row.flag(HouseholdColumn.SMART),
                    row.flag(HouseholdColumn.COORDINATED), row.number(HouseholdColumn.BASELINE_BILL_EUR),
                    row.number(HouseholdColumn.OPTIMISED_BILL_EUR), row.number(HouseholdColumn.COMMUNITY_BILL_EUR),
                    row.number(HouseholdColumn.LOCAL_BOUGHT_KWH), row.number(HouseholdColumn.LOCAL_SOLD_KWH),
                    StudyData.controllableAppliances(battery, ev, heatPump,
                            row.numberOr(HouseholdColumn.WET_APPLIANCES, wet))));
        }
        Path gridPath = dir.resolve(GRID_FILE);
        Map<String, GridFigures> grid = Files.isRegularFile(gridPath) ? readGrid(gridPath) : Map.of();
        List<ScenarioData> scenarios = new ArrayList<>();
        for (Map.Entry<String, double[]> e : summary.entrySet()) {
            String name = e.getKey();
            List<ProsumerData> rows = homes.get(name);
            if (rows == null) {
                throw InputException.in(h.file(), HouseholdColumn.SCENARIO.header(),
                        "rows for every scenario of summary.csv; none for '"
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
                    flexibleEnergy(dir.resolve(SeriesColumn.FOLDER).resolve(name)),
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
            String scenario = row.text(GridColumn.SCENARIO);
            out.put(scenario, new GridFigures(scenario, row.numberOr(GridColumn.FLEX_DELIVERED_KWH, 0),
                    row.nonNegative(GridColumn.DSO_FLEX_COST_EUR),
                    row.numberOr(GridColumn.REINFORCEMENT_ANNUITY_EUR, 0),
                    row.number(GridColumn.DEFERRAL_VALUE_EUR)));
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
                Season season = row.season(SeriesColumn.SEASON);
                double[] acc = perSeason.computeIfAbsent(season, k -> new double[2]);
                acc[0] += Math.max(row.number(SeriesColumn.FLEXIBLE_LOAD_KW), 0);
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

    /** A result file read whole through the CSV library ({@link CsvTable}). */
    private record Table(Path file, List<Row> rows) {
        static Table read(Path file) {
            if (!Files.isRegularFile(file)) {
                throw InputException.in(file, "", "this file of a study folder; it is missing");
            }
            CsvTable t = CsvTable.read(file);
            return new Table(file, t.rows().stream().map(Row::new).toList());
        }
    }

    /** One data row; typed reads by the file's declared columns name the column on error. */
    private record Row(CsvTable.Row row) {
        int line() {
            return row.line();
        }

        String text(Column<?> column) {
            String name = column.header();
            String cell = row.cell(name);
            if (cell == null) {
                throw InputException.at(row.file(), 1, name, "a column '" + name + "' in the header");
            }
            String value = cell.strip();
            if (value.isEmpty()) {
                throw InputException.at(row.file(), row.line(), name, "a value, the cell is empty");
            }
            return value;
        }

        double number(Column<?> column) {
            String value = text(column);
            try {
                double v = Double.parseDouble(value);
                if (!Double.isFinite(v)) {
                    throw new NumberFormatException();
                }
                return v;
            } catch (NumberFormatException e) {
                throw InputException.at(row.file(), row.line(), column.header(), "a number, got '" + value + "'");
            }
        }

        double nonNegative(Column<?> column) {
            double v = number(column);
            if (v < 0) {
                throw InputException.at(row.file(), row.line(), column.header(), "a value of 0 or more, got " + v);
            }
            return v;
        }

        double numberOr(Column<?> column, double absent) {
            return row.columns().containsKey(column.header()) ? number(column) : absent;
        }

        boolean flag(Column<?> column) {
            String value = text(column);
            return switch (value) {
                case "1", "true" -> true;
                case "0", "false" -> false;
                default -> throw InputException.at(row.file(), row.line(), column.header(), "1 or 0, got '" + value
                        + "'");
            };
        }

        Season season(Column<?> column) {
            String value = text(column);
            try {
                return Season.valueOf(value);
            } catch (IllegalArgumentException e) {
                throw InputException.at(row.file(), row.line(), column.header(), "a season (WINTER, SPRING, SUMMER,"
                        + " AUTUMN), got '" + value + "'");
            }
        }
    }
}
