/** OpenLFA spark. */
package org.openlfa.spark;
