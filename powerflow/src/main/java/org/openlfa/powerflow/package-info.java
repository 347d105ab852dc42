/** OpenLFA powerflow. */
package org.openlfa.powerflow;
