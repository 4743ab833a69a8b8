using Mono.Cecil;
using Mono.Cecil.Cil;

namespace SecondOpinionBot.Tests.Architecture;

/// <summary>
/// Which feature folder of the compiled bot uses which, read from its IL with Mono.Cecil: signatures, base types,
/// attributes and every type, method and field a method body touches (lambdas and async state machines count for
/// the type that declares them). A feature is the first namespace segment under SecondOpinionBot (Operations.Telemetry is one of its own; the
/// root namespace, Program, is "(host)").
/// </summary>
public sealed class FeatureGraph
{
    private const string Root = "SecondOpinionBot";

    private FeatureGraph(IReadOnlyDictionary<(string From, string To), IReadOnlySet<string>> edges) => Edges = edges;

    /// <summary>Each arrow, with examples of the using types (from-type → to-type) so a failure says where to look.</summary>
    public IReadOnlyDictionary<(string From, string To), IReadOnlySet<string>> Edges { get; }

    public static FeatureGraph Of(string assemblyPath)
    {
        var edges = new Dictionary<(string, string), HashSet<string>>();
        using var module = ModuleDefinition.ReadModule(assemblyPath);
        foreach (var type in module.GetTypes())
        {
            var from = FeatureOf(Outermost(type));
            if (from is null)
            {
                continue;
            }

            foreach (var used in Uses(type).SelectMany(Expand))
            {
                var to = FeatureOf(used);
                if (to is not null && to != from)
                {
                    if (!edges.TryGetValue((from, to), out var where))
                    {
                        edges[(from, to)] = where = [];
                    }

                    where.Add($"{Outermost(type).FullName} → {used.FullName}");
                }
            }
        }

        return new FeatureGraph(edges.ToDictionary(e => e.Key, e => (IReadOnlySet<string>)e.Value));
    }

    /// <summary>Groups of features that reach each other in this graph.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles() => CyclesOf(Edges.Keys);

    /// <summary>Groups of nodes that reach each other (Tarjan's strongly connected components, size two or more).</summary>
    public static IReadOnlyList<IReadOnlyList<string>> CyclesOf(IEnumerable<(string From, string To)> arrows)
    {
        var edges = arrows.ToList();
        var next = edges.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).ToList());
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var found = new List<IReadOnlyList<string>>();
        foreach (var node in edges.SelectMany(e => new[] { e.From, e.To }).Distinct().Order(StringComparer.Ordinal))
        {
            if (!index.ContainsKey(node))
            {
                Visit(node);
            }
        }

        return found;

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            onStack.Add(node);
            foreach (var to in next.GetValueOrDefault(node, []))
            {
                if (!index.TryGetValue(to, out var seen))
                {
                    Visit(to);
                    low[node] = Math.Min(low[node], low[to]);
                }
                else if (onStack.Contains(to))
                {
                    low[node] = Math.Min(low[node], seen);
                }
            }

            if (low[node] == index[node])
            {
                var group = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    group.Add(member);
                }
                while (member != node);
                if (group.Count > 1)
                {
                    found.Add(group.Order(StringComparer.Ordinal).ToList());
                }
            }
        }
    }

    /// <summary>A type with what it is made of: element types of arrays and by-refs, generic arguments.</summary>
    private static IEnumerable<TypeReference> Expand(TypeReference type)
    {
        yield return type;
        if (type is TypeSpecification { ElementType: { } element })
        {
            foreach (var inner in Expand(element))
            {
                yield return inner;
            }
        }

        if (type is GenericInstanceType generic)
        {
            foreach (var inner in generic.GenericArguments.SelectMany(Expand))
            {
                yield return inner;
            }
        }
    }

    private static TypeDefinition Outermost(TypeDefinition type) => type.DeclaringType is { } outer ? Outermost(outer) : type;

    private static string? FeatureOf(TypeReference type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        var ns = type.Namespace;
        if (type.Scope is AssemblyNameReference || !(ns == Root || ns.StartsWith(Root + ".", StringComparison.Ordinal)))
        {
            return null; // another assembly (the engine, the SDK) or compiler-made types without a namespace
        }

        // Telemetry is the one part of Operations every feature may call, so it is a node of its own.
        return ns == Root ? "(host)"
            : ns.StartsWith(Root + ".Operations.Telemetry", StringComparison.Ordinal) ? "Telemetry"
            : ns[(Root.Length + 1)..].Split('.')[0];
    }

    private static IEnumerable<TypeReference> Uses(TypeDefinition type)
    {
        if (type.BaseType is { } baseType)
        {
            yield return baseType;
        }

        foreach (var item in type.Interfaces.Select(i => i.InterfaceType)
                     .Concat(type.CustomAttributes.Select(a => a.AttributeType))
                     .Concat(type.Fields.Select(f => f.FieldType))
                     .Concat(type.Properties.Select(p => p.PropertyType)))
        {
            yield return item;
        }

        foreach (var method in type.Methods)
        {
            yield return method.ReturnType;
            foreach (var parameter in method.Parameters)
            {
                yield return parameter.ParameterType;
            }

            foreach (var attribute in method.CustomAttributes)
            {
                yield return attribute.AttributeType;
            }

            if (!method.HasBody)
            {
                continue;
            }

            foreach (var local in method.Body.Variables)
            {
                yield return local.VariableType;
            }

            foreach (var instruction in method.Body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case TypeReference used:
                        yield return used;
                        break;
                    case MethodReference called:
                        yield return called.DeclaringType;
                        yield return called.ReturnType;
                        if (called is GenericInstanceMethod generic)
                        {
                            foreach (var argument in generic.GenericArguments)
                            {
                                yield return argument;
                            }
                        }

                        break;
                    case FieldReference field:
                        yield return field.DeclaringType;
                        yield return field.FieldType;
                        break;
                }
            }
        }
    }
}
