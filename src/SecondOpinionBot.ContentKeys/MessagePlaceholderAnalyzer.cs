using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SecondOpinionBot.ContentKeys;

/// <summary>
/// Checks every call that passes a <c>MessageKeys</c> field together with ("name", value) fills: each name must be a
/// placeholder of the message, and when every fill is written out, each placeholder of the message must get one.
/// Fills passed as a ready-made array or variable are checked at run time instead (MessageCatalog.Format).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MessagePlaceholderAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(ContentKeyDiagnostics.UnknownPlaceholder, ContentKeyDiagnostics.MissingPlaceholder);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            // Keyed by "ClassName.FieldName": MessageKeys from messages.yaml, StaffMessageKeys from staff.yaml.
            var messages = new Dictionary<string, MessageEntry>(StringComparer.Ordinal);
            foreach (var source in MessageSource.All)
            {
                var text = start.Options.AdditionalFiles.FirstOrDefault(source.Matches)?.GetText(start.CancellationToken)?.ToString();
                if (text is null)
                {
                    continue; // the generator reports a missing messages.yaml
                }

                try
                {
                    foreach (var entry in MessageFile.Parse(text, source))
                    {
                        var name = source.ClassName + "." + entry.FieldName;
                        if (!messages.ContainsKey(name))
                        {
                            messages[name] = entry;
                        }
                    }
                }
                catch (Exception)
                {
                    // the generator reports the parse error
                }
            }

            if (messages.Count == 0)
            {
                return;
            }

            start.RegisterSyntaxNodeAction(node => Check(node, messages), SyntaxKind.InvocationExpression);
        });
    }

    private static void Check(SyntaxNodeAnalysisContext context, Dictionary<string, MessageEntry> messages)
    {
        var invocation = (InvocationExpressionSyntax)context.Node;
        var keys = new List<MessageEntry>();
        var fills = new List<(string Name, Location Location)>();
        var open = false;
        foreach (var argument in invocation.ArgumentList.Arguments)
        {
            if (MessageKeyField(context.SemanticModel, argument.Expression, context.CancellationToken) is { } field)
            {
                if (messages.TryGetValue(field.ContainingType.Name + "." + field.Name, out var entry))
                {
                    keys.Add(entry);
                }
            }
            else
            {
                foreach (var element in Elements(argument.Expression))
                {
                    if (FillName(element) is { } literal)
                    {
                        fills.Add((literal.Token.ValueText, literal.GetLocation()));
                    }
                    else if (CarriesFills(context.SemanticModel.GetTypeInfo(element, context.CancellationToken).Type))
                    {
                        open = true; // a variable or computed list of fills: its names are only known at run time
                    }
                }
            }
        }

        if (keys.Count == 0 || (fills.Count == 0 && !open && !TakesFills(context, invocation)))
        {
            return;
        }

        var primary = keys[0];
        var allowed = new HashSet<string>(keys.SelectMany(k => k.Placeholders), StringComparer.Ordinal);
        foreach (var (name, location) in fills.Where(f => !allowed.Contains(f.Name)))
        {
            var has = allowed.Count == 0 ? "none" : string.Join(", ", allowed.Select(p => "{" + p + "}"));
            context.ReportDiagnostic(Diagnostic.Create(ContentKeyDiagnostics.UnknownPlaceholder, location, primary.Key, name, has));
        }

        if (!open)
        {
            foreach (var missing in primary.Placeholders.Where(p => !fills.Any(f => f.Name == p)))
            {
                context.ReportDiagnostic(Diagnostic.Create(ContentKeyDiagnostics.MissingPlaceholder, invocation.GetLocation(), primary.Key, missing));
            }
        }
    }

    /// <summary>An argument, or the elements of a written-out list of fills (<c>[(…), (…)]</c>, <c>new[] { … }</c>).</summary>
    private static IEnumerable<ExpressionSyntax> Elements(ExpressionSyntax expression) => expression switch
    {
        CollectionExpressionSyntax collection when collection.Elements.All(e => e is ExpressionElementSyntax) =>
            collection.Elements.Cast<ExpressionElementSyntax>().Select(e => e.Expression),
        ImplicitArrayCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions,
        ArrayCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions,
        _ => [expression],
    };

    /// <summary>The name literal of a written-out ("name", value) fill.</summary>
    private static LiteralExpressionSyntax? FillName(ExpressionSyntax expression) =>
        expression is TupleExpressionSyntax { Arguments.Count: 2 } tuple
        && tuple.Arguments[0].Expression is LiteralExpressionSyntax literal
        && literal.IsKind(SyntaxKind.StringLiteralExpression)
            ? literal
            : null;

    private static IFieldSymbol? MessageKeyField(SemanticModel model, ExpressionSyntax expression, System.Threading.CancellationToken ct) =>
        expression is MemberAccessExpressionSyntax or IdentifierNameSyntax
        && model.GetSymbolInfo(expression, ct).Symbol is IFieldSymbol { ContainingType.Name: "MessageKeys" or "StaffMessageKeys", Type.Name: "MessageKey" } field
            ? field
            : null;

    /// <summary>Whether the called method has a params parameter of (string, string) fills, so leaving them out is a choice.</summary>
    private static bool TakesFills(SyntaxNodeAnalysisContext context, InvocationExpressionSyntax invocation) =>
        context.SemanticModel.GetSymbolInfo(invocation, context.CancellationToken).Symbol is IMethodSymbol method
        && method.Parameters.Any(p => p.IsParams && CarriesFills(p.Type));

    private static bool CarriesFills(ITypeSymbol? type)
    {
        var element = type switch
        {
            IArrayTypeSymbol array => array.ElementType,
            INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } generic when generic.Name is "ReadOnlySpan" or "Span" or "IEnumerable" or "IReadOnlyList" => generic.TypeArguments[0],
            _ => type,
        };
        return element is INamedTypeSymbol { IsTupleType: true } tuple
            && tuple.TupleElements.Length == 2
            && tuple.TupleElements[0].Type.SpecialType == SpecialType.System_String;
    }
}
