// Nothing to note: this step exists so that its post runs after the action's post.
console.log('watching for session folders left after post');
