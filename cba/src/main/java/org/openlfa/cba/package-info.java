/** OpenLFA cba. */
package org.openlfa.cba;
