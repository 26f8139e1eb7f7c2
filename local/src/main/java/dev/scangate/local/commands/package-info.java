/**
 * The user commands of the {@code scangate} CLI: {@code put}, {@code run}, {@code runs},
 * {@code show}, {@code approvals}, {@code replay}, {@code redrive}.
 *
 * <p>Each command is a plain class with one {@code run(...)} method that prints to the
 * {@link dev.scangate.local.commands.Console} and answers an exit code from
 * {@link dev.scangate.local.commands.ExitCodes}; anything that stops it is a
 * {@link dev.scangate.local.commands.CommandException} whose message is the one line to print
 * (exit code {@link dev.scangate.local.commands.CommandException#exitCode()}). The commands work on
 * the ports in {@code .port}; {@code .aws.AwsCommands} builds them over AWS SDK clients, local or
 * real:
 *
 * <pre>{@code
 * try (AwsCommands commands = AwsCommands.forEndpoint(URI.create("http://127.0.0.1:4566"), System.out)) {
 *     return commands.run().run(null, true);          // scangate run --wait
 * } catch (CommandException e) {
 *     System.err.println(e.getMessage());
 *     return e.exitCode();
 * }
 * }</pre>
 *
 * <p>A run is addressed by its run id (the execution input's {@code id}), an execution name or an
 * execution ARN; see {@link dev.scangate.local.commands.RunLocator}.
 */
package dev.scangate.local.commands;
