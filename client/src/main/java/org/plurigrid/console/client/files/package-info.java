/**
 * Files the console writes: {@link org.plurigrid.console.client.files.AtomicFile} (all or nothing, durable) and
 * {@link org.plurigrid.console.client.files.PrivateFiles} (folders 700, files 600, permission checks on secrets).
 */
package org.plurigrid.console.client.files;
