/**
 * The OpenDSS reader, split the way PowSyBl splits a model from its converters: the grid model records stay in
 * {@link org.openlfa.grid}; this package only turns OpenDSS text into them. Entry point for callers:
 * {@link org.openlfa.grid.OpenDssReader}.
 *
 * <ul>
 *   <li>{@link org.openlfa.grid.opendss.DssInterpreter}: the command interpreter (files, comments, continuation
 *       lines, {@code New}/{@code Edit}/{@code BatchEdit}/{@code Redirect}/{@code Compile}/{@code Set}/...), which
 *       records property assignments per element;</li>
 *   <li>{@code DssCommandLine}: its tokeniser (one command line into verb and parameters);</li>
 *   <li>{@code DssClasses}/{@code DssClass}: the class table (known classes, their supported, ignored and
 *       refused properties, and the builder of each);</li>
 *   <li>{@code VoltageSourceBuilder}, {@code LineCodeBuilder}, {@code LineBuilder}, {@code LoadBuilder},
 *       {@code TransformerBuilder}, {@code LoadShapeBuilder}: one {@code ElementBuilder} per class;</li>
 *   <li>{@code NetworkAssembler}: builds the network from the definitions, in dependency order;</li>
 *   <li>{@code DssValues}: value parsing (numbers, units, arrays, booleans, bus names with phase suffixes).</li>
 * </ul>
 *
 * <pre>{@code
 * LvNetwork ieee = OpenDssReader.read(Path.of("ieee-european-lv-test-feeder/opendss/Master.dss"));
 * }</pre>
 */
package org.openlfa.grid.opendss;
