/**
 * What a plugin bundle tells the core about the resource type it handles, so that the core names
 * no type: a {@link org.openpe.api.definition.ResourceDefinition} registered beside the type's
 * {@link org.openpe.api.Reconciler}, and helpers for the fields several types share (host
 * sessions, route targets, VNIs).
 */
@Export
@Version("1.0.0")
package org.openpe.api.definition;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
