using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace MinistryNews.Web.Hosting;

/// <summary>
/// Before the output cache reads its key, each request's query string keeps only the keys its endpoint reads, in the
/// order of their names: <c>/meetings?b=1</c> and <c>/meetings?b=2</c> are then one answer, computed once and served
/// from memory after, and no page carries in its links a key it does not read.
/// </summary>
/// <remarks>
/// The keys an endpoint reads are taken from the endpoint itself, not listed here: the parameters of a page's handler
/// or an API's delegate that bind from the query string (those of an <c>[AsParameters]</c> record included), and the
/// <see cref="IReadsQuery.QueryKeys"/> of a page that reads the query by itself. A parameter of the route is bound from
/// the route (an optional one too: <c>/archive/2020?month=5</c> is the year's page, <c>/archive/2020/5</c> the month's).
/// Values keep their order: several values of a key can mean something (the first date wins).
/// </remarks>
public static class QueryNormalisation
{
    // Read once per endpoint, and let go with it (a test host's endpoints go with the host).
    private static readonly ConditionalWeakTable<Endpoint, IReadOnlySet<string>> KeysByEndpoint = [];

    public static IApplicationBuilder UseQueryNormalisation(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (context.Request.QueryString.HasValue && context.GetEndpoint() is { } endpoint)
            {
                var normalised = Normalise(context.Request, KeysByEndpoint.GetValue(endpoint, KeysOf));
                if (normalised != context.Request.QueryString)
                {
                    context.Request.QueryString = normalised;
                }
            }

            return next(context);
        });

    /// <summary>The keys of the query string an endpoint reads (compared as model binding does, ignoring case).</summary>
    private static IReadOnlySet<string> KeysOf(Endpoint endpoint)
    {
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var bound = new List<string>();
        if (endpoint.Metadata.GetMetadata<CompiledPageActionDescriptor>() is { } page)
        {
            if (page.ModelTypeInfo is { } model && model.IsAssignableTo(typeof(IReadsQuery)))
            {
                keys.UnionWith((IReadOnlyCollection<string>)model.GetProperty(nameof(IReadsQuery.QueryKeys), BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!);
            }

            bound.AddRange(page.HandlerMethods.SelectMany(h => h.Parameters)
                .Where(p => p.BindingInfo?.BindingSource is null || p.BindingInfo.BindingSource == BindingSource.Query || p.BindingInfo.BindingSource == BindingSource.ModelBinding)
                .Where(p => IsBoundFromText(p.ParameterType))
                .Select(p => p.BindingInfo?.BinderModelName ?? p.Name));

            // The page's properties bound from the query, and the handler a form names (the editors' pages have several).
            bound.AddRange(page.BoundProperties
                .Where(p => p.BindingInfo?.BindingSource == BindingSource.Query && IsBoundFromText(p.ParameterType))
                .Select(p => p.BindingInfo?.BinderModelName ?? p.Name));
            if (page.HandlerMethods.Any(h => h.Name is not null))
            {
                keys.Add("handler");
            }
        }
        else if (endpoint.Metadata.GetMetadata<MethodInfo>() is { } handler)
        {
            bound.AddRange(handler.GetParameters().SelectMany(QueryKeysOf));
        }

        var route = (endpoint as RouteEndpoint)?.RoutePattern;
        keys.UnionWith(bound.Where(name => route?.GetParameter(name) is null));
        return keys;
    }

    private static QueryString Normalise(HttpRequest request, IReadOnlySet<string> keys) =>
        QueryString.Create(request.Query
            .Where(q => keys.Contains(q.Key))
            .OrderBy(q => q.Key, StringComparer.OrdinalIgnoreCase)
            .SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v))));

    /// <summary>The query keys a minimal API parameter binds: its name, its <c>[FromQuery]</c> name, or an <c>[AsParameters]</c> record's.</summary>
    private static IEnumerable<string> QueryKeysOf(ParameterInfo parameter)
    {
        if (parameter.GetCustomAttribute<AsParametersAttribute>() is not null)
        {
            return parameter.ParameterType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetCustomAttributes().All(a => a is not (IFromServiceMetadata or IFromRouteMetadata or IFromHeaderMetadata or IFromBodyMetadata or IFromFormMetadata)))
                .Where(p => IsBoundFromText(p.PropertyType))
                .Select(p => p.GetCustomAttributes().OfType<IFromQueryMetadata>().FirstOrDefault()?.Name ?? p.Name);
        }

        var attributes = parameter.GetCustomAttributes().ToList();
        if (attributes.Any(a => a is IFromServiceMetadata or IFromRouteMetadata or IFromHeaderMetadata or IFromBodyMetadata or IFromFormMetadata) || !IsBoundFromText(parameter.ParameterType))
        {
            return [];
        }

        return [attributes.OfType<IFromQueryMetadata>().FirstOrDefault()?.Name ?? parameter.Name!];
    }

    /// <summary>Whether a value of the type is read from text (a string, a number, a date, an enum, or an array of them), not a service.</summary>
    private static bool IsBoundFromText(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsArray)
        {
            type = type.GetElementType()!;
        }

        return type.IsEnum || type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IParsable<>));
    }
}
