package org.openlfa.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openlfa.core.InputException;

class OpenDssReaderTest {

    @TempDir
    Path dir;

    /** A small valid network, split over files like the ENWL feeders; tests replace one file at a time. */
    private static Map<String, String> validFiles() {
        Map<String, String> files = new HashMap<>();
        files.put("Master.dss", """
                Clear
                Set DefaultBaseFrequency=50  ! European
                New Circuit.Test BasekV=11 pu=1.0 ISC3=3000 ISC1=1500
                Redirect LineCode.txt
                Redirect Lines.txt
                Redirect Transformers.txt
                Redirect Loads.txt
                New Monitor.M1 Line.L1 2 Mode=1
                solve
                """);
        files.put("LineCode.txt", """
                New LineCode.lc1 nphases=3 R1=0.3 X1=0.07 R0=0.9 X0=0.08 C1=0 C0=0 Units=km
                """);
        files.put("Lines.txt", """
                New Line.L1 Bus1=1 Bus2=2 phases=3 Linecode=lc1 Length=10 Units=m
                New Line.L2 Bus1=2 Bus2=3 phases=3 Linecode=lc1 Length=-0.5 Units=m
                """.replace("-0.5", "0.5"));
        files.put("Transformers.txt", """
                New Transformer.TR1 Buses=[SourceBus 1] Conns=[Delta Wye] kVs=[11 0.416] kVAs=[500 500] XHL=4
                """);
        files.put("Loads.txt", """
                New Load.LOAD1 Phases=1 Bus1=3.2 kV=0.23 kW=1 PF=0.95
                """);
        return files;
    }

    private Path write(Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = dir.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue());
        }
        return dir.resolve("Master.dss");
    }

    private Path writeWith(String file, String content) throws IOException {
        Map<String, String> files = validFiles();
        files.put(file, content);
        return write(files);
    }

    @Test
    void readsTheValidNetwork() throws IOException {
        LvNetwork n = OpenDssReader.read(write(validFiles()));
        assertThat(n.name()).isEqualTo("Test");
        assertThat(n.baseFrequencyInHertz()).isEqualTo(50.0);
        assertThat(n.lines()).extracting(Line::lengthInMeters).containsExactly(10.0, 0.5);
        assertThat(n.loads()).singleElement().satisfies(l -> {
            assertThat(l.bus()).isEqualTo("3");
            assertThat(l.phase()).isEqualTo(2);
        });
        assertThat(n.busIds()).containsExactly("SourceBus", "1", "2", "3");
        n.checkRadialConnected();
    }

    @Test
    void namesAndPropertiesIgnoreCase() throws IOException {
        Path master = writeWith("Lines.txt", """
                new line.x BUS1=1 bUs2=2 PHASES=3 LINECODE=LC1 LENGTH=10 UNITS=M
                NEW LINE.Y bus1=2 bus2=3 linecode=Lc1 length=1 units=KM
                """);
        LvNetwork n = OpenDssReader.read(master);
        assertThat(n.lines()).extracting(Line::name).containsExactly("x", "Y");
        assertThat(n.lines().get(1).lengthInMeters()).isEqualTo(1000.0);
        assertThat(n.lines().get(0).lineCode()).isEqualTo("lc1");
        assertThat(n.lineCode("LC1")).isPresent();
        assertThat(n.loadsByBus().get("3")).hasSize(1);
    }

    @Test
    void busNamesCompareCaseInsensitively() throws IOException {
        Map<String, String> files = validFiles();
        files.put("Lines.txt", """
                New Line.L1 Bus1=1 Bus2=Pole_A phases=3 Linecode=lc1 Length=10 Units=m
                New Line.L2 Bus1=POLE_A.1.2.3 Bus2=House phases=3 Linecode=lc1 Length=1 Units=m
                """);
        files.put("Transformers.txt",
                "New Transformer.TR1 Buses=[sourcebus 1] Conns=[Delta Wye] kVs=[11 0.416] kVAs=[500 500] XHL=4\n");
        files.put("Loads.txt", "New Load.LOAD1 Phases=1 Bus1=house.3 kV=0.23 kW=2 kvar=0 PF=0.9\n");
        LvNetwork n = OpenDssReader.read(write(files));
        assertThat(n.busIds()).containsExactly("SourceBus", "1", "Pole_A", "House");
        assertThat(n.loadsByBus().get("HOUSE")).singleElement().satisfies(l -> {
            assertThat(l.bus()).isEqualTo("house");
            assertThat(l.phase()).isEqualTo(3);
            // PF given after kvar wins, as in OpenDSS.
            assertThat(l.powerFactor()).isEqualTo(0.9);
        });
        n.checkRadialConnected();
    }

    @Test
    void continuationCommentsPositionalEditWindingFormUnitsAndCoordinates() throws IOException {
        Map<String, String> files = validFiles();
        files.put("Master.dss", """
                /* a block
                   comment */
                Set DefaultBaseFreq=50
                New Circuit.Test
                Edit Vsource.Source BasekV=11 pu=1.02 MVAsc3=200 MVAsc1=210 angle=30 // trailing comment
                Compile sub/Codes.dss
                New Line.L1 1 2 lc1 0.01 Units=km
                New Line.L2 Bus1=2 Bus2=3 Linecode=lc2
                ~ Length=100 units=ft
                New Line.L3 Bus1=3 Bus2=4 Linecode=lc2 Length=0.5 ! units come from the line code (mi)
                New Transformer.TR1 phases=3 windings=2 XHL=4.5 %loadloss=1
                ~ wdg=1 bus=SourceBus conn=delta kV=11 kVA=400
                ~ wdg=2 bus=1 conn=wye kV=0.42 kVA=400
                New Load.LOAD1 1 4.3 0.23 3.5 0.97 model=1 daily=Shape_A
                New LoadShape.Shape_A npts=4 interval=0.25 mult=[0.5 1 1.5 2]
                Edit Load.LOAD1 kW=4
                Buscoords coords.csv
                solve
                """);
        files.put("sub/Codes.dss", """
                New LineCode.lc1 nphases=3 R1=0.3 X1=0.07 R0=0.9 X0=0.08 C1=0 C0=0 Units=km
                New LineCode.lc2 nphases=3 R1=0.5 X1=0.1 R0=1.5 X0=0.2 C1=300 C0=150 Units=mi
                Redirect ../coords.csv.dss
                """);
        files.put("coords.csv.dss", "! nothing but a comment\n");
        files.put("coords.csv", "SourceBus, 0, 0\n1,1.5,2\n2 3 4\n3\t5\t6\n4, 7, 8\n");
        LvNetwork n = OpenDssReader.read(write(files));
        assertThat(n.source().voltageInPerUnit()).isEqualTo(1.02);
        assertThat(n.source().mvaSc3()).hasValue(200);
        assertThat(n.source().angleInDegrees()).isEqualTo(30.0);
        assertThat(n.lines()).extracting(Line::lengthInMeters).containsExactly(10.0, 30.48, 0.5 * 1609.344);
        assertThat(n.lines().get(0).bus2()).isEqualTo("2");
        LineCode lc2 = n.lineCode("lc2").orElseThrow();
        assertThat(lc2.r1InOhmPerKm()).isCloseTo(0.5 / 1.609344, within(1e-12));
        assertThat(lc2.c1InNanofaradPerKm()).isCloseTo(300 / 1.609344, within(1e-9));
        Transformer tr = n.transformers().get(0);
        assertThat(tr.ratingInKva()).isEqualTo(400.0);
        assertThat(tr.secondary().voltageInKv()).isEqualTo(0.42);
        assertThat(tr.primary().connection()).isEqualTo(Transformer.Connection.DELTA);
        assertThat(tr.primary().resistanceInPercent()).isEqualTo(0.5);
        assertThat(tr.xhlInPercent()).isEqualTo(4.5);
        Load load = n.loads().get(0);
        assertThat(load.bus()).isEqualTo("4");
        assertThat(load.phase()).isEqualTo(3);
        assertThat(load.nominalPowerInKw()).isEqualTo(4.0);
        assertThat(load.powerFactor()).isEqualTo(0.97);
        assertThat(load.shapeName()).hasValue("Shape_A");
        assertThat(n.loadShapes().get("SHAPE_A").readMultipliers()).containsExactly(0.5, 1, 1.5, 2);
        assertThat(n.coordinates()).hasSize(5);
        assertThat(n.coordinates().get("2").y()).isEqualTo(4.0);
        assertThat(n.coordinates().get("sourcebus").x()).isEqualTo(0.0);
        n.checkRadialConnected();
    }

    @Test
    void loadShapeFileIsResolvedRelativeToItsDssFileAndReadOnRequest() throws IOException {
        Map<String, String> files = validFiles();
        files.put("Master.dss", validFiles().get("Master.dss") + "Redirect shapes/Shapes.txt\n");
        files.put("shapes/Shapes.txt", """
                New Loadshape.S1 npts=3 minterval=30 mult=(file=profiles/p1.txt) useactual=true
                New Loadshape.S2 npts=288 interval=0.0833 mult=(file=C:\\2014\\Load_profiles\\Load2_5min.csv)
                """);
        files.put("shapes/profiles/p1.txt", "0.1\n0.2\n0.3\n0.4\n");
        LvNetwork n = OpenDssReader.read(write(files));
        LoadShapeRef s1 = n.loadShapes().get("s1");
        assertThat(s1.intervalInHours()).isEqualTo(0.5);
        assertThat(s1.useActual()).isTrue();
        assertThat(s1.readMultipliers()).containsExactly(0.1, 0.2, 0.3);
        LoadShapeRef s2 = n.loadShapes().get("S2");
        assertThat(s2.multiplierFileRef()).isEqualTo("C:\\2014\\Load_profiles\\Load2_5min.csv");
        assertThat(s2.hasReadableMultipliers()).isFalse();
        assertThatThrownBy(s2::readMultipliers).isInstanceOf(InputException.class).hasMessageContaining("S2");
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of("unknown line code", "Lines.txt", """
                        New Line.L1 Bus1=1 Bus2=2 phases=3 Linecode=lc1 Length=10 Units=m
                        New Line.L2 Bus1=2 Bus2=3 phases=3 Linecode=lc9 Length=0.5 Units=m
                        """, 2, "Linecode", "lc9"),
                Arguments.of("load on an unconnected bus", "Loads.txt", """
                        New Load.LOAD1 Phases=1 Bus1=3.2 kV=0.23 kW=1 PF=0.95

                        New Load.LOAD2 Phases=1 Bus1=77.1 kV=0.23 kW=1 PF=0.95
                        """, 3, "Bus1", "77"),
                Arguments.of("malformed number", "Loads.txt", """
                        New Load.LOAD1 Phases=1 Bus1=3.2 kV=0.23 kW=1.5x PF=0.95
                        """, 1, "kW", "a number, got '1.5x'"),
                Arguments.of("decimal comma (OpenDSS would silently shift it to the next property)", "Loads.txt", """
                        New Load.LOAD1 Phases=1 Bus1=3.2 kV=0.23 kW=1,5 PF=0.95
                        """, 1, "kW", "decimal comma"),
                Arguments.of("malformed number in a line code", "LineCode.txt", """
                        ! codes
                        New LineCode.lc1 nphases=3 R1=0.3 X1=0.07x R0=0.9 X0=0.08 C1=0 C0=0 Units=km
                        """, 2, "X1", "a number"),
                Arguments.of("misspelled Line property", "Lines.txt", """
                        New Line.L1 Bus1=1 Bus2=2 phases=3 Linecode=lc1 Lenght=10 Units=m
                        """, 1, "Lenght", "Line property"),
                Arguments.of("misspelled Load property", "Loads.txt", """
                        New Load.LOAD1 Phases=1 Bus1=3.2 kV=0.23 kW=1
                        ~ PF=0.95 Dialy=Shape_1
                        """, 2, "Dialy", "Load property"),
                Arguments.of("unknown LineCode property", "LineCode.txt", """
                        New LineCode.lc1 nphases=3 R1=0.3 X1=0.07 R0=0.9 X0=0.08 C1=0 C0=0 Units=km Ampacity=200
                        """, 1, "Ampacity", "LineCode property"),
                Arguments.of("unknown Transformer property", "Transformers.txt", """
                        New Transformer.TR1 Buses=[SourceBus 1] Conns=[Delta Wye] kVs=[11 0.416] kVA=[500 500] XLH=4
                        """, 1, "XLH", "Transformer property"),
                Arguments.of("unsupported but significant property", "Lines.txt", """
                        New Line.L1 Bus1=1 Bus2=2 phases=3 Linecode=lc1 Length=10 Units=m
                        New Line.L2 Bus1=2 Bus2=3 phases=3 R1=0.3 Length=0.5 Units=m
                        """, 2, "R1", "not supported"),
                Arguments.of("negative length", "Lines.txt", """
                        New Line.L1 Bus1=1 Bus2=2 phases=3 Linecode=lc1 Length=10 Units=m
                        New Line.L2 Bus1=2 Bus2=3 phases=3 Linecode=lc1 Length=-0.5 Units=m
                        """, 2, "Length", ">= 0"),
                Arguments.of("unknown length unit", "Lines.txt", """
                        New Line.L1 Bus1=1 Bus2=2 phases=3 Linecode=lc1 Length=10 Units=yd
                        """, 1, "Units", "length unit"),
                Arguments.of("missing redirected file", "Master.dss", """
                        New Circuit.Test BasekV=11 pu=1.0 ISC3=3000 ISC1=1500
                        Redirect LineCode.txt
                        Redirect Linez.txt
                        """, 3, "Redirect", "Linez.txt"),
                Arguments.of("phase out of range", "Loads.txt", """
                        New Load.LOAD1 Phases=1 Bus1=3.4 kV=0.23 kW=1 PF=0.95
                        """, 1, "Bus1", "1..3"),
                Arguments.of("duplicate line", "Lines.txt", """
                        New Line.L1 Bus1=1 Bus2=2 phases=3 Linecode=lc1 Length=10 Units=m
                        New Line.l1 Bus1=2 Bus2=3 phases=3 Linecode=lc1 Length=10 Units=m
                        """, 2, "Line.l1", "unique"),
                Arguments.of("unknown command", "Master.dss", """
                        New Circuit.Test BasekV=11 pu=1.0 ISC3=3000 ISC1=1500
                        Redirct LineCode.txt
                        """, 2, "Redirct", "command"),
                Arguments.of("unclosed bracket", "Transformers.txt", """
                        New Transformer.TR1 Buses=[SourceBus 1 Conns=[Delta Wye] kVs=[11 0.416] kVAs=[500 500]
                        """, 1, "syntax", "closing ]"),
                Arguments.of("wrong number of windings in an array", "Transformers.txt", """
                        New Transformer.TR1 Buses=[SourceBus 1] Conns=[Delta Wye] kVs=[11 0.416 0.4] kVAs=[500 500]
                        """, 1, "kVs", "one per winding"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputNamesFileLineAndField(String what, String file, String content, int line, String field,
            String expected) throws IOException {
        Path master = writeWith(file, content);
        assertThatThrownBy(() -> OpenDssReader.read(master))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.source()).endsWith(file);
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).contains(file + ":" + line).contains("'" + field + "'")
                            .contains(expected);
                });
    }

    @Test
    void islandIsReportedByBusName() throws IOException {
        Path master = writeWith("Lines.txt", """
                New Line.L1 Bus1=1 Bus2=2 phases=3 Linecode=lc1 Length=10 Units=m
                New Line.L2 Bus1=2 Bus2=3 phases=3 Linecode=lc1 Length=10 Units=m
                New Line.L3 Bus1=21 Bus2=22 phases=3 Linecode=lc1 Length=10 Units=m
                """);
        LvNetwork n = OpenDssReader.read(master);
        assertThat(n.unreachableBuses()).containsExactly("21", "22");
        assertThatThrownBy(n::checkRadialConnected).isInstanceOf(InputException.class)
                .hasMessageContaining("bus 21").hasMessageContaining("2 bus(es)");
    }

    @Test
    void loopIsReportedByLineName() throws IOException {
        Path master = writeWith("Lines.txt", """
                New Line.L1 Bus1=1 Bus2=2 phases=3 Linecode=lc1 Length=10 Units=m
                New Line.L2 Bus1=2 Bus2=3 phases=3 Linecode=lc1 Length=10 Units=m
                New Line.L3 Bus1=3 Bus2=1 phases=3 Linecode=lc1 Length=10 Units=m
                """);
        LvNetwork n = OpenDssReader.read(master);
        assertThat(n.meshingLines()).extracting(Line::name).containsExactly("L3");
        assertThatThrownBy(n::checkRadialConnected).isInstanceOf(InputException.class)
                .hasMessageContaining("line L3").hasMessageContaining("loop");
    }

    @Test
    void missingMasterAndMissingCircuit() throws IOException {
        assertThatThrownBy(() -> OpenDssReader.read(dir.resolve("nope.dss"))).isInstanceOf(InputException.class)
                .hasMessageContaining("nope.dss");
        Path master = writeWith("Master.dss", "Redirect LineCode.txt\n");
        assertThatThrownBy(() -> OpenDssReader.read(master)).isInstanceOf(InputException.class)
                .hasMessageContaining("Master.dss").hasMessageContaining("Circuit");
    }
}
