/** OpenLFA server. */
package org.openlfa.platform;
