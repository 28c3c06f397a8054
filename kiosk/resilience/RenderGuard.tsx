/** Never a black screen: catches a failed render (placeholder until the fallback lands). */
import { Component, type ComponentChildren } from 'preact';

export class RenderGuard extends Component<{ children: ComponentChildren }> {
  render() {
    return this.props.children;
  }
}
