import type {
  ASTVisitor,
  FragmentDefinitionNode,
  OperationDefinitionNode,
  SelectionSetNode,
  ValidationContext,
} from 'graphql'

import { GraphQLError, Kind } from 'graphql'

/**
 * How deeply `selectionSet` nests fields. Inline fragments and fragment spreads add no level of
 * their own; a fragment spread already being expanded (a cycle, which GraphQL reports itself)
 * counts as nothing.
 */
function depthOf(
  selectionSet: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
  expanding: Set<string>,
): number {
  if (!selectionSet) {
    return 0
  }
  let deepest = 0
  for (const selection of selectionSet.selections) {
    let depth = 0
    if (selection.kind === Kind.FIELD) {
      depth = 1 + depthOf(selection.selectionSet, fragments, expanding)
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      depth = depthOf(selection.selectionSet, fragments, expanding)
    } else {
      const name = selection.name.value
      const fragment = fragments[name]
      if (fragment && !expanding.has(name)) {
        expanding.add(name)
        depth = depthOf(fragment.selectionSet, fragments, expanding)
        expanding.delete(name)
      }
    }
    deepest = Math.max(deepest, depth)
  }
  return deepest
}

/**
 * A GraphQL validation rule refusing operations whose fields nest deeper than `maxDepth`
 * (`{ Articles { docs { title } } }` has depth 3). Deep queries through relationships multiply
 * database work; a frontend never needs more than a handful of levels.
 */
export function depthLimit(maxDepth: number): (context: ValidationContext) => ASTVisitor {
  return (context) => {
    const fragments: Record<string, FragmentDefinitionNode> = {}
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) {
        fragments[definition.name.value] = definition
      }
    }
    return {
      OperationDefinition(node: OperationDefinitionNode) {
        const depth = depthOf(node.selectionSet, fragments, new Set())
        if (depth > maxDepth) {
          const name = node.name ? `Operation "${node.name.value}"` : 'The query'
          context.reportError(
            new GraphQLError(
              `${name} is too deep: it nests fields ${depth} levels deep, the maximum is ${maxDepth}.`,
              {
                nodes: [node],
              },
            ),
          )
        }
      },
    }
  }
}
