// The peers of the typing benchmark, run in this process on the same keystrokes as spark-dra: VS Code's JSON language
// service (vscode-json-languageservice, the library VS Code's JSON server runs) and yaml-language-server (Red Hat's
// YAML server, its language service without the LSP transport). Each parses the whole text and validates it per
// keystroke, as their servers do after their own debounce.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { getLanguageService: jsonService } = require('vscode-json-languageservice');
const {
  getLanguageService: yamlService,
} = require('yaml-language-server/lib/umd/languageservice/yamlLanguageService.js');
const { TextDocument } = require('vscode-languageserver-textdocument');

/** A peer's validation of one version of a document, in milliseconds. */
export function jsonPeer() {
  const service = jsonService({});
  return async (text, version) => {
    const doc = TextDocument.create('file:///peer.json', 'json', version, text);
    const t = performance.now();
    const parsed = service.parseJSONDocument(doc);
    await service.doValidation(doc, parsed, { comments: 'error', trailingCommas: 'error' });
    return performance.now() - t;
  };
}

/** yaml-language-server with validation on and no schemas (no network), as diagnostics.bench.mjs configures it. */
export function yamlPeer() {
  const service = yamlService({
    schemaRequestService: async () => '{}',
    workspaceContext: { resolveRelativePath: (path) => path },
  });
  service.configure({ validate: true, hover: false, completion: false, format: false, schemas: [], customTags: [] });
  return async (text, version) => {
    const doc = TextDocument.create('file:///peer.yaml', 'yaml', version, text);
    const t = performance.now();
    await service.doValidation(doc, false);
    return performance.now() - t;
  };
}
