// Entry point of the standalone language server: `node dist/server.js --stdio` (or --node-ipc from VS Code).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

startServer(createConnection(ProposedFeatures.all));
