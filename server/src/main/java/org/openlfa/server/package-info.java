/** OpenLFA server. */
package org.openlfa.server;
