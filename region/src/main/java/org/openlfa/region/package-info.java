/** OpenLFA region. */
package org.openlfa.region;
