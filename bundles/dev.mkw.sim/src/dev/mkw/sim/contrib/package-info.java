/**
 * Not API: discovery of contributions through the Equinox extension registry or ServiceLoader.
 */
package dev.mkw.sim.contrib;
