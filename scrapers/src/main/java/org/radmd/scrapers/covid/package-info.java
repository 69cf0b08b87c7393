/**
 * COVID-19-CT-CXR (Peng et al., AMIA 2021; ncbi-nlp/COVID-19-CT-CXR) to samples: the BioC XML of PMC figures
 * (caption passage, citing text passages, labelled image files) plus the released {@code
 * *.litcovid.released.image.json} labels (whole figure or sub-figure boxes, {@code ct} / {@code cxr}). Labels
 * become modalities ({@code ct} = CT, {@code cxr} = XR). The data set ships no pixels: figures not present under
 * {@code figures/} are {@code image-not-local} rejects naming their PMC address.
 */
package org.radmd.scrapers.covid;
