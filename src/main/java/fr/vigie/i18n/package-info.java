/**
 * Languages: the two Vigie speaks ({@link fr.vigie.i18n.Lang}) and a guess of the language a message is written
 * in ({@link fr.vigie.i18n.LanguageGuesser}). Pure.
 */
package fr.vigie.i18n;
