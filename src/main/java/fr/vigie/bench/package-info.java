/**
 * Benchmarks run by {@code vigie bench}: each stage's throughput beside the bare mime4j baseline over the same
 * corpus in the same run, with peak heap. An edge package: it reads corpus files and starts child JVMs.
 */
package fr.vigie.bench;
