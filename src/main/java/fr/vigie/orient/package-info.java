/**
 * Orientation, the "O" of PHAROS: who to call and in which order, and how urgent a report is for the analysts.
 * Entry: {@link fr.vigie.orient.Router} (steps, from the routing tables parsed by {@link fr.vigie.orient.RoutingTables})
 * and {@link fr.vigie.orient.Priority#assess} (score and factors). In: a {@link fr.vigie.orient.Case} (from a
 * report or a bare check); out: records. Pure: no file, clock or network (the tables come as text, the clock as a
 * parameter). Invariant: INTERPOL is never a contact, and an unknown country gets the general path, never France's.
 */
package fr.vigie.orient;
