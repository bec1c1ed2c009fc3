/** The contract between the OpenPE core and its resource plugins. */
@Export
@Version("2.0.0")
package org.openpe.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
