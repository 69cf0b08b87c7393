/** Beam coders for radmd's core records. */
package org.radmd.pipelines.coders;
