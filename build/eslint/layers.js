// A local ESLint rule: which top-level folder may import which (ARCHITECTURE.md, "may import").
// Each relative import is resolved against the importing file's folder to a path inside the repository;
// that path's first segment is its layer. Resolving, rather than matching `../` prefixes, means a
// `renderer/src/devices/` sibling is never taken for `devices/`, and `./../../main/x` cannot slip past.
// Package names (`node:fs`, `electron`) are not paths: no-restricted-imports bans those, except where a
// layer lists the only packages it may use (common/: zod).
import path from 'node:path';

/**
 * @typedef {object} Layer
 * @property {string[] | '*'} imports  the other layers it may import ('*': any); its own is always allowed
 * @property {string[]} [packages]      if set, the only packages it may import (subpaths included)
 * @property {string} why               the reason, shown with every violation
 */

const ROOT_LAYER = '(repository root)';

/** The layer of a repository-relative posix path: its first folder, or the root for a top-level file. */
function layerOf(relativePath) {
  const slash = relativePath.indexOf('/');
  return slash === -1 ? ROOT_LAYER : relativePath.slice(0, slash);
}

const toPosix = (p) => p.split(path.sep).join('/');
const isPath = (specifier) => specifier.startsWith('.') || specifier.startsWith('/');
const packageOf = (specifier) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
const folderName = (layer) => (layer === ROOT_LAYER ? layer : `${layer}/`);

/** The string literal naming the module, whatever the syntax that imports it. */
function moduleSource(node) {
  switch (node.type) {
    case 'TSImportType':
      return node.source ?? node.argument?.literal;
    case 'TSExternalModuleReference':
      return node.expression;
    case 'CallExpression': {
      const isRequire = node.callee.type === 'Identifier' && node.callee.name === 'require';
      return isRequire ? node.arguments[0] : undefined;
    }
    default:
      return node.source;
  }
}

/** @type {import('eslint').Rule.RuleModule} */
export const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Each top-level folder imports only the layers ARCHITECTURE.md allows it.' },
    schema: [
      {
        type: 'object',
        properties: { root: { type: 'string' }, layers: { type: 'object' } },
        required: ['root', 'layers'],
        additionalProperties: false,
      },
    ],
    messages: {
      layer:
        "{{from}} may not import {{to}}: '{{specifier}}' resolves to {{resolved}}. " +
        '{{from}} may import {{allowed}}. {{why}}',
      package: "{{from}} may not import the package '{{specifier}}': it may import {{allowed}} only. {{why}}",
      outside: "'{{specifier}}' resolves outside the repository; import a package by its name instead.",
      unmapped:
        '{{from}} has no entry in the layer map: add it to eslint.config.js ' +
        'with the layers ARCHITECTURE.md lets it import.',
    },
  },

  create(context) {
    const [{ root, layers }] = context.options;
    const file = toPosix(path.relative(root, context.filename));
    if (file.startsWith('../') || path.isAbsolute(file)) return {}; // not ours to judge
    const from = layerOf(file);
    /** @type {Layer | undefined} */
    const layer = layers[from];

    function check(node) {
      const source = moduleSource(node);
      if (source?.type !== 'Literal' || typeof source.value !== 'string') return;
      const specifier = source.value;
      if (!isPath(specifier)) {
        if (layer.packages && !layer.packages.includes(packageOf(specifier))) {
          context.report({
            node: source,
            messageId: 'package',
            data: { from: folderName(from), specifier, allowed: layer.packages.join(', '), why: layer.why },
          });
        }
        return;
      }
      const resolved = specifier.startsWith('/')
        ? toPosix(path.relative(root, specifier))
        : path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
      if (resolved === '..' || resolved.startsWith('../')) {
        context.report({ node: source, messageId: 'outside', data: { specifier } });
        return;
      }
      const to = layerOf(resolved);
      if (to === from || layer.imports === '*' || layer.imports.includes(to)) return;
      const allowed = [from, ...layer.imports].map(folderName).join(', ');
      context.report({
        node: source,
        messageId: 'layer',
        data: { from: folderName(from), to: folderName(to), specifier, resolved, allowed, why: layer.why },
      });
    }

    if (!layer) {
      return { Program: (node) => context.report({ node, messageId: 'unmapped', data: { from: folderName(from) } }) };
    }
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
      CallExpression: check,
      TSImportType: check,
      TSExternalModuleReference: check,
    };
  },
};

export default { meta: { name: 'borne' }, rules: { layers: layersRule } };
