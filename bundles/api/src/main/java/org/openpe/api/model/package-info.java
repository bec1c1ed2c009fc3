/**
 * Immutable OpenPE resources (Underlay, L3VNI, L2VNI, L3Passthrough) with their defaults applied,
 * the node settings, and per-node address allocation. Instances reaching plugins are validated by
 * the core.
 */
@Export
@Version("1.1.0")
package org.openpe.api.model;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
