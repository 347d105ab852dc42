package org.openlfa.sim.schema;

import java.util.function.Function;
import org.openlfa.sim.CommunitySeries;

/**
 * The columns of a time series file ({@code timeseries/<scenario>/<community>.csv}), one row per season and PTU, in
 * file order.
 */
public enum SeriesColumn implements Column<SeriesColumn.Ptu> {
    SEASON(CellFormat.TEXT, p -> p.series().season().name()),
    PTU(CellFormat.INTEGER, Ptu::ptu),
    START_MINUTE(CellFormat.INTEGER, p -> p.ptu() * p.ptuInMinutes()),
    IMPORT_KW(CellFormat.POWER, p -> p.series().importInKw()[p.ptu()]),
    EXPORT_KW(CellFormat.POWER, p -> p.series().exportInKw()[p.ptu()]),
    LOCAL_TRADE_KW(CellFormat.POWER, p -> p.series().localTradeInKw()[p.ptu()]),
    FLEXIBLE_LOAD_KW(CellFormat.POWER, p -> p.series().flexibleLoadInKw()[p.ptu()]);

    /** The folder of the time series in a study folder. */
    public static final String FOLDER = "timeseries";

    private final CellFormat format;
    private final Function<Ptu, Object> value;

    SeriesColumn(CellFormat format, Function<Ptu, Object> value) {
        this.format = format;
        this.value = value;
    }

    @Override
    public String header() {
        return ResultFiles.headerOf(this);
    }

    @Override
    public CellFormat format() {
        return format;
    }

    @Override
    public Object value(Ptu row) {
        return value.apply(row);
    }

    /**
     * One row: a PTU of a community's series.
     *
     * @param series       the community's series of a season
     * @param ptu          the PTU of the day
     * @param ptuInMinutes the PTU length
     */
    public record Ptu(CommunitySeries series, int ptu, int ptuInMinutes) {
    }
}
