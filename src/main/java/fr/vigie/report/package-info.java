/**
 * A report (signalement) as data, and the pure steps that turn what a victim submits into what is stored: the form
 * read and checked ({@link ReportForm}), each evidence file harmonised and analysed, the identifiers normalised, and
 * one submission key that makes a second identical submission the same report ({@link Intake}). No file, socket or
 * database here: the store keeps what this package prepares.
 */
package fr.vigie.report;
