/** Desired kernel objects, declared by reconcilers and applied by the core through netlink. */
@Export
@Version("1.1.0")
package org.openpe.api.kernel;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
