/** Immutable OpenPE resources (Underlay, L3VNI, L2VNI, L3Passthrough), node settings, validation and address allocation. */
@Export
@Version("1.0.0")
package org.openpe.api.model;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
