/** Reading SimBench grids (SimBench CSV format) into the LV network model. */
package org.openlfa.grid.simbench;
