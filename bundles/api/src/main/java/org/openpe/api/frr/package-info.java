/** Typed FRRouting configuration, declared by reconcilers and rendered to frr.conf by the FRR bundle. */
@Export
@Version("1.2.0")
package org.openpe.api.frr;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
