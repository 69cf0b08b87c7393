/**
 * Image and volume I/O for the normalize stage: decoding 2D pictures ({@link org.radmd.core.image.Images}),
 * grey 3D volumes in NIfTI voxel order ({@link org.radmd.core.image.Volume}) and NIfTI-1/-2 files
 * ({@link org.radmd.core.image.Nifti}; {@link org.radmd.core.image.NiftiWriter} for int16/uint16/float32 voxels
 * with a full sform and qform).
 *
 * <p>Conventions: sizes are in pixels (2D) or voxels (3D); voxel spacing is in mm. Volumes are
 * {@code [W, H, D]} = {@code [x, y, z]} with x fastest; RadFM's model layout is {@code [C, H, W, D]} with
 * C = 3 (grey replicated). Pixel arithmetic is pure Java on arrays, never Java2D rendering, so outputs
 * (pixels, hashes, PNG and NIfTI bytes) are deterministic. Writers are atomic. Decoding failures are
 * {@link org.radmd.core.image.ImageDecodeException}s naming the file. Every public type here is stateless
 * or immutable, and thread-safe. Parameters are non-null unless documented otherwise.
 */
package org.radmd.core.image;
