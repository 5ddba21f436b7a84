/**
 * Value types that cross the lab's inner boundaries: {@code lab.run}, {@code lab.psql} and
 * {@code lab.plan} may not refer to each other, but all may use these (a value crossing the
 * boundary is cheaper than a twin in each part plus a mapping). This package refers to no other
 * part of the lab.
 */
package org.netverks.lab.shared;
